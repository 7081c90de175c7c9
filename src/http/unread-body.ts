import type { IncomingMessage } from 'node:http';

/**
 * An answer given before the request's body was read (a wrong API key, a 429, a 409 for a key in flight, a 503)
 * must still reach a client that is busy sending that body. Closing the connection at once does not do that:
 * the kernel answers the bytes still arriving on a closed socket with a reset, and the reset makes the client's
 * side throw away the answer it had already received (`write EPIPE` or `ECONNRESET` instead of a 401). So the
 * rest of the body is read and discarded first, as nginx's lingering close does, up to `limit` bytes; then the
 * answer goes out and the connection stays usable. A body larger than that is not read: the answer goes out
 * with `Connection: close`. The idle and request timeouts still apply while it is read.
 *
 * Resolves true when the whole body has been read, false when it is larger than `limit` or the connection ended.
 */
export function discardUnreadBody(raw: IncomingMessage, limit: number): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  const declared = Number(raw.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (read: boolean) => {
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('close', onClose);
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(raw.complete);
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('close', onClose);
    raw.resume();
  });
}
