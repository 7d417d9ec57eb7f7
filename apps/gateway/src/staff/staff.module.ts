import { type DynamicModule, Module } from '@nestjs/common';
import { REDIS } from '@app/platform';
import type Redis from 'ioredis';
import { AUTH_PROVIDER, type AuthProvider } from './auth-provider';
import { ConfigFileAuthProvider } from './config-file-auth-provider';
import { KIOSK_DEVICES, KioskGuard } from './kiosk.guard';
import { loadStaffAccounts, type StaffAccounts } from './staff-accounts';
import { StaffAuthController } from './staff-auth.controller';
import { StaffAuthService } from './staff-auth.service';
import { loadStaffConfig, type StaffConfig } from './staff-config';
import { StaffGuard } from './staff.guard';
import { StaffSessionStore } from './staff-session-store';
import { SocketTokenController } from './socket-token.controller';
import { STAFF_CONFIG } from './staff-config.token';

export interface StaffModuleOptions {
  /** Default: validated from process.env at boot. */
  readonly config?: StaffConfig;
  /** Default: read from `config.STAFF_USERS_FILE`. */
  readonly accounts?: StaffAccounts;
  /** Default: the config-file provider over `accounts`; an OIDC provider later. */
  readonly authProvider?: AuthProvider;
}

/**
 * Staff sign-in, sessions and the guards (`@StaffOnly`, `@KioskOnly`). Global so that feature modules
 * (the front-desk API) can guard their routes. Needs the platform's REDIS connection.
 */
@Module({})
export class StaffModule {
  static forRoot(options: StaffModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadStaffConfig(process.env);
    const accounts = options.accounts ?? loadStaffAccounts(config.STAFF_USERS_FILE);
    const timeouts = { idleMs: config.STAFF_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.STAFF_SESSION_ABSOLUTE_HOURS * 3_600_000 };
    return {
      module: StaffModule,
      global: true,
      controllers: [StaffAuthController, SocketTokenController],
      providers: [
        { provide: STAFF_CONFIG, useValue: config },
        { provide: KIOSK_DEVICES, useValue: accounts.kioskDevices },
        { provide: AUTH_PROVIDER, useValue: options.authProvider ?? new ConfigFileAuthProvider(accounts) },
        { provide: StaffSessionStore, inject: [REDIS], useFactory: (redis: Redis) => new StaffSessionStore(redis, config.STAFF_SESSION_KEY_PREFIX, timeouts) },
        StaffAuthService,
        StaffGuard,
        KioskGuard,
      ],
      exports: [STAFF_CONFIG, StaffSessionStore, StaffGuard, KioskGuard, KIOSK_DEVICES],
    };
  }
}
