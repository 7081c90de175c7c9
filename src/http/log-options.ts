import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/** Paths whose last segment is a bearer secret: the portal's sign-in and invoice links, and cloud-file download links. */
const SECRET_IN_PATH = /^(\/portal\/(?:link|i)\/|\/v1\/downloads\/)[^/?#]+/;

/** The URL as logs may show it: a link token becomes `[redacted]`, so a log reader cannot sign in, open an invoice or download a file. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_IN_PATH, '$1[redacted]');
}

/**
 * pino options for the server's request logs (RELIABILITY.md S2: no secret is logged as it is). Credentials in
 * headers are censored wherever a logger puts the headers (`req`, or @fastify/multipart's `busboyOptions` at
 * trace level), and request URLs lose their link tokens.
 */
export function serverLoggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: ['headers.authorization', 'headers.authentication', 'headers.cookie', '*.headers.authorization', '*.headers.authentication', '*.headers.cookie', '*.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: loggableUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
