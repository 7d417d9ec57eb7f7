import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { CORRELATION_HEADER } from '../correlation/correlation-context';

const STARTED = Symbol('requestStarted');
type TimedResponse = ServerResponse & { [STARTED]?: number; req: IncomingMessage & { originalUrl?: string } };

/**
 * One log line per finished HTTP request (`request completed`, error level for 5xx), written from the
 * response's `finish` event by one shared listener: no closure, child logger or serialiser per request.
 * Health probes every few seconds would drown the log, so /health is not logged.
 */
export function requestLogMiddleware(logger: Logger) {
  function logFinished(this: TimedResponse): void {
    const status = this.statusCode;
    const level = status >= 500 ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const { method, originalUrl, url } = this.req;
    const correlationId = this.getHeader(CORRELATION_HEADER);
    const responseTime = Math.round(performance.now() - (this[STARTED] ?? 0));
    logger[level]({ correlationId, req: { id: correlationId, method, url: originalUrl ?? url }, res: { statusCode: status }, responseTime }, status >= 500 ? 'request errored' : 'request completed');
  }
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.url !== '/health') {
      (res as TimedResponse)[STARTED] = performance.now();
      res.on('finish', logFinished);
    }
    next();
  };
}
