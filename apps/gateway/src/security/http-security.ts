import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { invalid, type DomainError } from '@app/domain';
import { plainJsonBody } from './json-body';
import { sendProblem, toProblem } from './security-refusal';

export interface HttpSecurityOptions {
  /** Exact origins allowed cross-origin (env CORS_ORIGINS, comma-separated; default none). */
  readonly corsOrigins: readonly string[];
  /**
   * Express `trust proxy` (env TRUST_PROXY, default false): false, a hop count, or addresses/CIDRs
   * (`loopback, 10.0.0.0/8`). Decides both the client IP (X-Forwarded-For) used by rate limits and
   * whether X-Forwarded-Proto=https counts as TLS for HSTS.
   */
  readonly trustProxy: boolean | number | string;
  /** JSON/urlencoded body limit (env BODY_LIMIT, default '32kb'); larger bodies get a 413 problem. */
  readonly bodyLimit?: string;
  /** Extra connect-src sources, e.g. 'wss://termine.halberstadt.de' for socket.io on old Safari. */
  readonly connectSrc?: readonly string[];
  readonly hstsMaxAgeSeconds?: number; // default one year
}

export function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Call once in main.ts, right after NestFactory.create and before listen: headers, CORS, proxy trust
 * and body limits. Registering the body parsers here (before Nest's own) puts our limit in force and
 * lets the error handler below turn an oversized body into problem+json instead of Express's HTML.
 */
export function applyHttpSecurity(app: NestExpressApplication, options: HttpSecurityOptions): void {
  app.set('trust proxy', options.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(options));
  const allowed = new Set(options.corsOrigins);
  app.enableCors({
    // An origin not on the list gets no CORS headers at all, so the browser blocks the response.
    origin: (origin: string | undefined, done: (error: Error | null, allow?: boolean) => void) =>
      done(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'x-altcha', 'x-correlation-id'],
    exposedHeaders: ['retry-after', 'x-correlation-id'],
    maxAge: 600,
  });
  const limit = options.bodyLimit ?? '32kb';
  app.use(plainJsonBody(bytesOf(limit)));
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.use(bodyErrorsAsProblems);
}

/**
 * Helmet's headers are the same for every request, so helmet runs once here, against a recording
 * response, and each request gets the recorded list in one middleware (plus HSTS when it came over
 * TLS). Helmet as twelve middlewares, each setting one header, cost ≈ 1–2 % of the gateway's CPU
 * under the booking load.
 */
function securityHeaders(options: HttpSecurityOptions) {
  const fixed = headersSetBy(helmet(helmetOptions(options)));
  const hsts = `max-age=${options.hstsMaxAgeSeconds ?? 31_536_000}; includeSubDomains`;
  return (req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of fixed) res.setHeader(name, value);
    // req.secure is true for a TLS socket, or X-Forwarded-Proto=https from a trusted proxy.
    if (req.secure) res.setHeader('Strict-Transport-Security', hsts);
    next();
  };
}

function headersSetBy(middleware: ReturnType<typeof helmet>): readonly (readonly [string, string])[] {
  const recorded = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => recorded.set(name, String(value)),
    removeHeader: (name: string) => recorded.delete(name),
    getHeader: (name: string) => recorded.get(name),
  };
  let done = false;
  middleware({ headers: {} } as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  // Helmet is synchronous; should a future version not be, fail at boot rather than send no headers.
  if (!done || recorded.size === 0) throw new Error('helmet did not set its headers synchronously');
  return [...recorded];
}

function helmetOptions(options: HttpSecurityOptions): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"], // no 'unsafe-inline', no nonces: every script is a file
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'], // QR codes as data: URLs
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...(options.connectSrc ?? [])], // CSP3 'self' covers same-origin ws/wss
        workerSrc: ["'self'", 'blob:'], // the ALTCHA widget solves in blob: web workers
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false, // set per request below: only when the request came over TLS
    // Manage links carry a secret token in the URL: never leak it to another site via Referer.
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  };
}

/** '32kb' / '1mb' (the forms BODY_LIMIT allows) as bytes, as body-parser counts them (1 kb = 1024 bytes). */
export function bytesOf(limit: string): number {
  const match = /^(\d+)(kb|mb)$/.exec(limit);
  if (!match) throw new Error(`Body limit "${limit}" must be like 32kb or 1mb`);
  return Number(match[1]) * (match[2] === 'kb' ? 1024 : 1024 * 1024);
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function bodyErrorsAsProblems(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const type = (err as BodyParserError | undefined)?.type;
  if (type === 'entity.too.large') return sendProblem(res, toProblem(tooLarge((err as BodyParserError).limit), 413, req.originalUrl));
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return sendProblem(res, toProblem(malformed(), 400, req.originalUrl));
  }
  next(err);
}

const tooLarge = (limit: number | undefined): DomainError =>
  invalid(
    'payload_too_large',
    {
      de: `Die Anfrage ist zu groß${limit ? ` (höchstens ${limit} Bytes)` : ''}.`,
      en: `The request body is too large${limit ? ` (at most ${limit} bytes)` : ''}.`,
    },
    limit ? { limitBytes: limit } : undefined,
  );

const malformed = (): DomainError =>
  invalid('body_malformed', {
    de: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
    en: 'The request body is not valid JSON.',
  });
