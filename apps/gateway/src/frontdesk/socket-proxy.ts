import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';

export const SOCKET_PATH = '/socket.io';

/**
 * `/socket.io` (long-polling and WebSocket) passed through to frontdesk, so that pages, the CSP's
 * `connect-src 'self'` and the staff cookie all live on one origin. The proxy holds no state: staff
 * sockets authenticate to frontdesk with their own short-lived token (GET /api/staff/socket-token).
 */
export function createSocketProxy(target: string): RequestHandler {
  const logger = new Logger('SocketProxy');
  return createProxyMiddleware({
    target,
    ws: true,
    pathFilter: SOCKET_PATH,
    xfwd: true, // frontdesk sees the client address in X-Forwarded-For
    on: {
      error: (err, _req, res) => {
        logger.warn({ err: err.message, target }, 'Socket.IO proxy could not reach frontdesk');
        // An HTTP response (polling) gets a 503; a raw upgrade socket is simply closed.
        if ('writeHead' in res && !res.headersSent) {
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"frontdesk_unavailable"}');
        } else if ('destroy' in res) res.destroy();
      },
    },
  });
}

/** WebSocket upgrades never pass Express middleware: hand the server's upgrade event to the proxy. */
export function proxyUpgrades(server: Server, proxy: RequestHandler): void {
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (req.url?.startsWith(`${SOCKET_PATH}/`)) proxy.upgrade(req, socket, head);
  });
}
