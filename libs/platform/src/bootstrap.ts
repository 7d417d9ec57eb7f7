import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { NamespacedNatsServer } from './rpc/namespaced-nats';
import { Logger } from 'nestjs-pino';
import type { CommonConfig, ServiceName } from './config/common-config';
import { ConfigError } from './config/load-config';
import { correlationMiddleware } from './correlation/correlation.middleware';
import { LeanExpressAdapter } from './http/lean-express-adapter';
import { ROOT_LOGGER } from './logging/logging.module';
import { requestLogMiddleware } from './logging/request-log.middleware';

export interface ServiceDefinition<C extends CommonConfig> {
  readonly service: ServiceName;
  /** Hybrid apps also serve NATS request/reply in their queue group; the gateway is HTTP only. */
  readonly microservice: boolean;
  readonly module: (config: C) => DynamicModule;
  /** HTTP setup that must happen on the app itself before it listens (headers, static files, proxies). */
  readonly configure?: (app: INestApplication, config: C) => void | Promise<void>;
}

/**
 * Creates and starts an app: JSON logger, correlation middleware and the request log ahead of everything, NATS
 * microservice in the service's queue group (sharing global interceptors and filters), shutdown hooks
 * so SIGTERM drains connections. Used by main.ts and by integration tests alike.
 */
export async function startApp<C extends CommonConfig>(definition: ServiceDefinition<C>, config: C, port = config.HTTP_PORT): Promise<INestApplication> {
  assertSubjectsApart(config);
  const app = await NestFactory.create(definition.module(config), new LeanExpressAdapter(), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  app.use(requestLogMiddleware(app.get(ROOT_LOGGER)));
  app.enableShutdownHooks();
  await definition.configure?.(app, config);
  if (definition.microservice) {
    app.connectMicroservice<MicroserviceOptions>(
      { strategy: new NamespacedNatsServer(config.RPC_NAMESPACE, { servers: [config.NATS_URL], queue: config.NATS_QUEUE, name: definition.service }) },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  await app.listen(port, config.HTTP_HOST);
  return app;
}

/**
 * The whole of a main.ts: validate the environment, start, and on a bad config or a failed start
 * exit non-zero with one JSON line that says why.
 */
export async function runService<C extends CommonConfig>(definition: ServiceDefinition<C>, loadConfig: () => C): Promise<void> {
  try {
    const config = loadConfig();
    const app = await startApp(definition, config);
    app.get(Logger).log(`${definition.service} listening on ${await app.getUrl()}`, 'Bootstrap');
  } catch (err) {
    const problems = err instanceof ConfigError ? err.problems : undefined;
    const line = { level: 'fatal', time: new Date().toISOString(), service: definition.service, msg: err instanceof Error ? err.message : String(err), problems };
    process.stderr.write(`${JSON.stringify(line)}\n`);
    process.exit(1);
  }
}

/**
 * The event stream captures every subject under EVENT_SUBJECT_PREFIX and answers each publish with an
 * ack: a request/reply namespace inside it would have every request answered by JetStream instead of
 * the service. Refuse that at boot rather than fail every request with a baffling reply.
 */
function assertSubjectsApart(config: CommonConfig): void {
  const ns = config.RPC_NAMESPACE;
  const prefix = config.EVENT_SUBJECT_PREFIX;
  if (ns === prefix || ns.startsWith(`${prefix}.`) || (ns === '' && ['booking', 'frontdesk', 'notifications', 'analytics'].includes(prefix))) {
    throw new ConfigError([{ key: 'RPC_NAMESPACE', reason: `must not lie under EVENT_SUBJECT_PREFIX "${prefix}" (the event stream would capture the requests)` }]);
  }
}
