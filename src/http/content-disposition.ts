/**
 * `attachment` with an ASCII fallback name and the exact name in `filename*` (RFC 6266 / RFC 8187).
 * The fallback keeps only characters that need no quoting, so no CR, LF or quote can reach the header.
 */
export function attachment(baseName: string, extension: string): string {
  const fallback = baseName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'invoice';
  const exact = encodeURIComponent(baseName.replace(/[\u0000-\u001f\u007f/\\]/g, '_')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}.${extension}"; filename*=UTF-8''${exact}.${extension}`;
}
