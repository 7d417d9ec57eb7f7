import { Inject, Injectable } from '@nestjs/common';
import type { AnalyticsRequests } from '@app/contracts/analytics';
import { DomainException, RpcClient } from '@app/platform';

/** A replay of a long period takes seconds, not milliseconds: analytics gets more time than a command. */
export const ANALYTICS_TIMEOUT_MS = 120_000;

/** Typed request/reply to the analytics service; a refusal leaves as DomainException (problem+json). */
@Injectable()
export class AnalyticsClient {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async request<S extends keyof AnalyticsRequests>(subject: S, payload: AnalyticsRequests[S]['request']): Promise<AnalyticsRequests[S]['reply']> {
    const result = await this.rpc.request<AnalyticsRequests[S]['reply']>(subject, payload, { timeoutMs: ANALYTICS_TIMEOUT_MS });
    if (!result.ok) throw new DomainException(result.error);
    return result.value;
  }
}
