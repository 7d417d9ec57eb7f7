import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { CORRELATION_HEADER, CorrelationContext } from '../correlation/correlation-context';

export interface LoggingOptions {
  readonly service: string;
  readonly level: string;
}

/**
 * pino options shared by every app: one JSON object per line, the service name on each, and the
 * correlation id from the context (also in lines logged outside HTTP, e.g. in NATS handlers).
 */
export function pinoHttpOptions(options: LoggingOptions): Options {
  return {
    level: options.level,
    base: { service: options.service },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    mixin: () => {
      const correlationId = CorrelationContext.currentId();
      return correlationId ? { correlationId } : {};
    },
    genReqId: (req) => CorrelationContext.currentId() ?? String(req.headers[CORRELATION_HEADER] ?? ''),
    // Health probes every few seconds would drown the log.
    autoLogging: { ignore: (req) => req.url === '/health' },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(options) })], exports: [LoggerModule] };
  }
}
