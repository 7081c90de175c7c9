// The part of content-disposition (untyped) the download-header test uses: parse(header) → type and parameters,
// `filename*` decoded into `filename`.
declare module 'content-disposition' {
  interface ContentDisposition {
    type: string;
    parameters: Record<string, string>;
  }
  function contentDisposition(filename?: string, options?: { type?: string; fallback?: string | boolean }): string;
  namespace contentDisposition {
    function parse(header: string): ContentDisposition;
  }
  export = contentDisposition;
}
