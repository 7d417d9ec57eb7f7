import { type DynamicModule, Module } from '@nestjs/common';
import { type ManageTokenKey, ManageTokens } from '@app/contracts';

export interface ManageLinkModuleOptions {
  readonly keys: readonly ManageTokenKey[]; // from parseManageTokenKeys(env MANAGE_LINK_KEYS)
}

/** Provides `ManageTokens` (inject it by class). `ActivationTokens` is a plain object: import it. */
@Module({})
export class ManageLinkModule {
  static forRoot(options: ManageLinkModuleOptions): DynamicModule {
    return {
      module: ManageLinkModule,
      global: true,
      providers: [{ provide: ManageTokens, useValue: new ManageTokens(options.keys) }],
      exports: [ManageTokens],
    };
  }
}
