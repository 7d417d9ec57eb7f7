import { type DynamicModule, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { SmtpMailer, type SmtpMailerOptions } from './smtp-mailer';

/** The app's SMTP settings as `config.ts` has them (`SMTP_FROM` is `Name <address>`). */
export interface SmtpSettings {
  readonly SMTP_HOST: string;
  readonly SMTP_PORT: number;
  readonly SMTP_SECURE: boolean;
  readonly SMTP_FROM: string;
  readonly SMTP_USER?: string;
  readonly SMTP_PASS?: string;
}

/** 'Bürgerbüro Halberstadt <buergerbuero@halberstadt.example>' → name and address. */
export function parseMailbox(value: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(value);
  if (match) return { name: match[1].trim(), email: match[2] };
  return { name: '', email: value.trim() };
}

export function smtpMailerOptions(settings: SmtpSettings): SmtpMailerOptions {
  return {
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT,
    secure: settings.SMTP_SECURE,
    from: parseMailbox(settings.SMTP_FROM),
    ...(settings.SMTP_USER ? { auth: { user: settings.SMTP_USER, pass: settings.SMTP_PASS ?? '' } } : {}),
  };
}

export const SMTP_MAILER_OPTIONS = Symbol('SMTP_MAILER_OPTIONS');

/** Nest face of the plain SmtpMailer: one instance per app, closed on shutdown. */
@Injectable()
export class SmtpMailerProvider extends SmtpMailer implements OnModuleDestroy {
  constructor(@Inject(SMTP_MAILER_OPTIONS) options: SmtpMailerOptions) {
    super(options);
  }

  onModuleDestroy(): void {
    this.close();
  }
}

@Module({})
export class EmailModule {
  static forRoot(options: SmtpMailerOptions): DynamicModule {
    return {
      module: EmailModule,
      providers: [{ provide: SMTP_MAILER_OPTIONS, useValue: options }, SmtpMailerProvider, { provide: SmtpMailer, useExisting: SmtpMailerProvider }],
      exports: [SmtpMailer],
    };
  }
}
