import type { Result } from '@app/domain';
import { pingPattern, type PingReply, RpcClient } from '@app/platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';

const BACKENDS = ['booking', 'frontdesk', 'notifications', 'analytics'] as const;
// Short: a service that needs longer than this to answer a ping is as good as down for a status page.
const PING_TIMEOUT_MS = 2000;

export interface SystemStatus {
  readonly status: 'ok' | 'degraded';
  readonly services: Readonly<Record<(typeof BACKENDS)[number], Result<PingReply>>>;
}

/** Shows that the system is wired: each service answers its ping over NATS. 503 if one does not. */
@Controller('api')
export class StatusController {
  // Explicit token: the lint rule would otherwise turn the import type-only and erase DI metadata.
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('status')
  async status(@Res({ passthrough: true }) res: Response): Promise<SystemStatus> {
    const replies = await Promise.all(BACKENDS.map((service) => this.rpc.request<PingReply>(pingPattern(service), {}, { timeoutMs: PING_TIMEOUT_MS })));
    const allUp = replies.every((reply) => reply.ok);
    res.status(allUp ? 200 : 503);
    return { status: allUp ? 'ok' : 'degraded', services: Object.fromEntries(BACKENDS.map((service, i) => [service, replies[i]])) as SystemStatus['services'] };
  }
}
