import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request: pass it on, answer it itself, or cut the connection. */
export type Fault =
  | { kind: 'forward' }
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Cut before the server sees the request. */
  | { kind: 'drop-request' }
  /** The server handles the request, but its response never reaches the client. */
  | { kind: 'drop-response' };

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
}

export interface FlakyProxy {
  url: string;
  seen: SeenRequest[];
  /** Faults for the next requests, in order; when none are left, requests are forwarded. */
  plan(...faults: Fault[]): void;
  close(): Promise<void>;
}

/** A real HTTP proxy on loopback in front of a test server that misbehaves on request, for the client's retries. */
export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  const faults: Fault[] = [];
  const seen: SeenRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes: body.length });
    const fault = faults.shift() ?? { kind: 'forward' };
    if (fault.kind === 'drop-request') return void req.socket.destroy();
    if (fault.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'application/problem+json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
      return void res.end(JSON.stringify({ type: 'about:blank', title: 'Injected', status: fault.status, detail: 'by the test proxy' }));
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'connection' && name !== 'transfer-encoding')) as Record<string, string>;
    const upstream = await fetch(target + (req.url ?? '/'), { method: req.method ?? 'GET', headers, ...(body.length ? { body } : {}) });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (fault.kind === 'drop-response') return void req.socket.destroy();
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection') out[name] = value;
    });
    out['content-length'] = String(answer.length);
    res.writeHead(upstream.status, out);
    res.end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    plan: (...more) => void faults.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
