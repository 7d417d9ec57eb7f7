import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, CorrelationContext } from './correlation-context';

/**
 * Takes the caller's `x-correlation-id` (or makes one), echoes it in the response and runs the rest of
 * the request inside the correlation context. Installed with `app.use` before anything else, so even
 * the request log line carries it.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const correlationId = CorrelationContext.acceptOrCreate(req.headers[CORRELATION_HEADER]);
  res.setHeader(CORRELATION_HEADER, correlationId);
  CorrelationContext.run(correlationId, next);
}
