import type { FastifyRequest } from 'fastify';

/**
 * The request's body has been read: from here on the connection's idle timeout (`IDLE_TIMEOUT_MS`, for a client
 * that stops sending) no longer applies to it, however long the server takes to answer. Node sets the timeout
 * again for the connection's next request.
 */
export function requestFullyRead(request: FastifyRequest): void {
  // An injected request (tests, light-my-request) has a socket stand-in without timeouts.
  const socket = request.raw.socket as Partial<Pick<typeof request.raw.socket, 'setTimeout'>> | null;
  if (typeof socket?.setTimeout === 'function') socket.setTimeout(0);
}
