import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GatewayConfig } from './config';
import { setupApiDocs } from './booking/booking-docs';
import { applyHttpSecurity, parseTrustProxy } from './security';

/** Pages are plain files; compiled code runs from dist/ with the repository as working directory. */
export const PUBLIC_DIR = join(process.cwd(), 'apps', 'gateway', 'public');

/**
 * Everything the gateway sets up on the HTTP server itself, in order: security headers and body
 * limits first (they must see every request), then the API documentation and the static pages. (The
 * Socket.IO proxy belongs to FrontdeskModule, which also takes the server's upgrade requests.)
 */
export function configureGatewayHttp(nest: INestApplication, config: GatewayConfig): void {
  const app = nest as NestExpressApplication;
  // No Express ETag on API responses: Express hashed every JSON body, writes included (and so sent it
  // as a Buffer in a second write); ≈ 3 % of the gateway's CPU under the booking load. GETs get theirs
  // from LeanExpressAdapter, static pages from serve-static.
  app.set('etag', false);
  applyHttpSecurity(app, {
    corsOrigins: config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    bodyLimit: config.BODY_LIMIT,
  });
  setupApiDocs(app);
  app.useStaticAssets(PUBLIC_DIR, { index: 'index.html', extensions: ['html'], maxAge: config.NODE_ENV === 'production' ? '1h' : 0 });
}
