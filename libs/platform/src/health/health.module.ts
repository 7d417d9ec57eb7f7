import { Controller, type DynamicModule, Get, Inject, Module, type Provider, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type CheckResult, type HealthCheck, type HealthReport, runChecks } from './health-check';

const HEALTH_PROBES = Symbol('HEALTH_PROBES');
type Probes = Record<string, () => Promise<CheckResult>>;

@Controller()
class HealthController {
  constructor(@Inject(HEALTH_PROBES) private readonly probes: Probes) {}

  /** 200 when every dependency answers, 503 otherwise, with each check's details either way. */
  @Get('health')
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await runChecks(this.probes);
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}

export interface HealthModuleOptions {
  readonly checks: Readonly<Record<string, HealthCheck>>;
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    const names = Object.keys(options.checks);
    const tokens = names.map((name) => Symbol(`health:${name}`));
    const probeProviders: Provider[] = names.map((name, i) => {
      const { check, inject = [] } = options.checks[name];
      return { provide: tokens[i], inject: [...inject], useFactory: (...deps: never[]) => () => check(...deps) };
    });
    const collect: Provider = {
      provide: HEALTH_PROBES,
      inject: tokens,
      useFactory: (...probes: Array<() => Promise<CheckResult>>): Probes => Object.fromEntries(names.map((name, i) => [name, probes[i]])),
    };
    return { module: HealthModule, controllers: [HealthController], providers: [...probeProviders, collect] };
  }
}
