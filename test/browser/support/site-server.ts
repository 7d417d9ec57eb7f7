import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { createProxyMiddleware } from 'http-proxy-middleware';

export const PUBLIC_DIR = join(__dirname, '../../../apps/gateway/public');

/**
 * One origin for the browser: the gateway's public pages served statically and `/api` passed to the
 * real gateway. Stands in for the `express.static` mount of apps/gateway/src/main.ts until that is wired;
 * sends the same Content-Security-Policy as `applyHttpSecurity`, so an inline script or a foreign
 * source fails here exactly as in production.
 */
export async function startSiteServer(apiBase: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
  );
  app.use(createProxyMiddleware({ target: apiBase, pathFilter: '/api', xfwd: false }));
  app.use(express.static(PUBLIC_DIR));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
