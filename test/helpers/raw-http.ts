import net from 'node:net';

export interface RawExchange {
  /** Everything the server sent before it closed (or before the client gave up). */
  response: string;
  status: number | null;
  /** The server closed the connection (rather than the client giving up after `giveUpMs`). */
  closedByServer: boolean;
  ms: number;
}

/**
 * Sends `chunks` over a raw socket, `delayMs` apart, and reads until the server closes or answers and
 * `giveUpMs` passes. For requests no HTTP client would send: trickled bytes, broken framing, huge headers.
 */
export function rawExchange(url: string, chunks: (string | Buffer)[], options: { delayMs?: number; giveUpMs?: number; endAfter?: boolean } = {}): Promise<RawExchange> {
  const { port, hostname } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let response = '';
    let done = false;
    let timer: NodeJS.Timeout | null = null;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      clearTimeout(giveUp);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1];
      resolve({ response, status: status ? Number(status) : null, closedByServer, ms: Date.now() - started });
    };
    const giveUp = setTimeout(() => finish(false), options.giveUpMs ?? 30_000);
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    let i = 0;
    const next = () => {
      if (done || socket.destroyed) return;
      if (i >= chunks.length) {
        if (options.endAfter) socket.end();
        return;
      }
      socket.write(chunks[i++] as string | Buffer, () => {
        timer = setTimeout(next, options.delayMs ?? 0);
      });
    };
    socket.on('connect', next);
  });
}
