import type { FastifyRequest } from 'fastify';

/**
 * The request's body has been read: from here on the connection's idle timeout (`IDLE_TIMEOUT_MS`, for a client
 * that stops sending) no longer applies to it, however long the server takes to answer. Node sets the timeout
 * again for the connection's next request.
 */
export function requestFullyRead(request: FastifyRequest): void {
  request.raw.socket?.setTimeout(0);
}
