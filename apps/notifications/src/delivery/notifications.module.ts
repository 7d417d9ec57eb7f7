import { readFileSync } from 'node:fs';
import { Controller, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { parseCatalog, type Catalog } from '@app/domain';
import { connectEventStore } from '@app/eventstore';
import { JetStreamKvKeyStore, masterKeyringFromEnv, MASTER_KEYS_ENV, PersonalDataVault } from '@app/privacy';
import { connect } from 'nats';
import { parseManageTokenKeys } from '@app/contracts';
import type { NotificationsConfig } from '../config';
import { SmtpMailer, smtpMailerOptions } from '../email';
import { EmailLinks } from './email-links';
import { NotificationsRuntime } from './notifications-runtime';
import type { ReconcileReport } from './reminder-reconciler';

export const RECONCILE_SUBJECT = 'notifications.reconcile';

/** `notifications.reconcile` (NATS request/reply): rebuild pending reminders from the log now. */
@Controller()
export class ReconcileController {
  constructor(@Inject(NotificationsRuntime) private readonly runtime: NotificationsRuntime) {}

  @MessagePattern(RECONCILE_SUBJECT)
  reconcile(): Promise<ReconcileReport> {
    return this.runtime.reconcile();
  }
}

@Injectable()
class RuntimeCloser implements OnApplicationShutdown {
  constructor(@Inject(NotificationsRuntime) private readonly runtime: NotificationsRuntime) {}
  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
    for (const close of RUNTIME_RESOURCES.get(this.runtime) ?? []) await close();
  }
}

const RUNTIME_RESOURCES = new WeakMap<NotificationsRuntime, (() => Promise<void>)[]>();

/** The pipeline as a Nest feature: started at boot (with a reconcile), closed on shutdown. */
@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [ReconcileController],
      providers: [{ provide: NotificationsRuntime, useFactory: () => startRuntime(config) }, RuntimeCloser],
      exports: [NotificationsRuntime],
    };
  }
}

async function startRuntime(config: NotificationsConfig): Promise<NotificationsRuntime> {
  const manageKeys = parseManageTokenKeys(config.MANAGE_LINK_KEYS);
  if (!manageKeys.ok) throw new Error(manageKeys.error.messageEn);
  const store = await connectEventStore({ servers: config.NATS_URL, name: 'notifications-eventstore', streamName: config.EVENT_STREAM, subjectPrefix: config.EVENT_SUBJECT_PREFIX });
  const kv = await connect({ servers: config.NATS_URL, name: 'notifications-privacy' });
  const vault = new PersonalDataVault({
    keyring: masterKeyringFromEnv({ [MASTER_KEYS_ENV]: config.SCHALTER_MASTER_KEYS }),
    store: await JetStreamKvKeyStore.open(kv, { bucket: config.PRIVACY_KEY_BUCKET }),
  });
  const mailer = new SmtpMailer(smtpMailerOptions(config));
  const runtime = await NotificationsRuntime.start({
    store, vault, mailer, catalog: loadCatalog(config.CATALOG_PATH),
    links: new EmailLinks({ publicBaseUrl: config.PUBLIC_BASE_URL, manageKeys: manageKeys.value, activationKey: Buffer.from(config.ACTIVATION_KEY, 'base64') }),
    redisUrl: config.REDIS_URL, queueName: config.EMAIL_QUEUE, concurrency: config.EMAIL_CONCURRENCY,
    retryPolicy: { maxAttempts: config.EMAIL_MAX_ATTEMPTS, baseDelayMs: config.EMAIL_RETRY_BASE_MS, maxDelayMs: 30 * 60_000 },
    reminderPolicy: { daysBefore: config.REMINDER_DAYS_BEFORE, at: config.REMINDER_AT, minLeadMs: config.REMINDER_MIN_LEAD_MINUTES * 60_000, catchUpDelayMs: config.REMINDER_CATCH_UP_MS },
    maxEventAgeMs: config.EMAIL_MAX_EVENT_AGE_HOURS * 3_600_000,
    subscriptionName: config.NOTIFICATIONS_CONSUMER,
  });
  RUNTIME_RESOURCES.set(runtime, [
    async () => mailer.close(),
    () => store.close(),
    async () => { if (!kv.isClosed()) await kv.drain(); },
  ]);
  return runtime;
}

function loadCatalog(path: string): Catalog {
  const parsed = parseCatalog(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`Catalogue ${path} is invalid: ${parsed.error.messageEn}`);
  return parsed.value;
}
