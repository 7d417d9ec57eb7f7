import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type LoggerOptions } from 'pino';
import { CorrelationContext } from '../correlation/correlation-context';

export interface LoggingOptions {
  readonly service: string;
  readonly level: string;
}

/** The app's root pino logger, for the request log (`requestLogMiddleware`). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * pino options shared by every app: one JSON object per line, the service name on each, and the
 * correlation id from the context (also in lines logged outside HTTP, e.g. in NATS handlers).
 */
export function loggerOptions(options: LoggingOptions): LoggerOptions {
  return {
    level: options.level,
    base: { service: options.service },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    mixin: () => {
      const correlationId = CorrelationContext.currentId();
      return correlationId ? { correlationId } : {};
    },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  };
}

/**
 * One root logger for Nest's Logger (nestjs-pino) and the request log. No pino-http: its per-request
 * child loggers (bindings serialised on every request) and nestjs-pino's per-request AsyncLocalStorage
 * scope cost the gateway ≈ 6 % of its CPU under the booking load, and the correlation id they carried
 * already comes from the correlation context (the mixin above).
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const root = pino(loggerOptions(options));
    return {
      module: LoggingModule,
      // useExisting + no routes: nestjs-pino logs through `root` and installs no middleware of its own.
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: root } as never, useExisting: true, forRoutes: [] })],
      providers: [{ provide: ROOT_LOGGER, useValue: root }],
      exports: [LoggerModule, ROOT_LOGGER],
    };
  }
}
