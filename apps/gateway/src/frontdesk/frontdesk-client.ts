import { Inject, Injectable } from '@nestjs/common';
import type { FrontdeskActor, FrontdeskReply, FrontdeskRequest, FrontdeskRequests } from '@app/contracts';
import { DomainException, RpcClient } from '@app/platform';
import type { Actor } from '../staff/staff-user';

/**
 * The gateway's one door to frontdesk: typed request/reply over NATS. A refusal from frontdesk (or
 * `unavailable` when it does not answer) leaves as a DomainException, which the platform's filter
 * turns into problem+json with the matching status.
 */
@Injectable()
export class FrontdeskClient {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async request<S extends keyof FrontdeskRequests>(subject: S, payload: FrontdeskRequest<S>): Promise<FrontdeskReply<S>> {
    const result = await this.rpc.request<FrontdeskReply<S>>(subject, payload);
    if (!result.ok) throw new DomainException(result.error);
    return result.value;
  }
}

/** The guard admits only front-desk roles here, so an analyst never reaches a queue command. */
export function frontdeskActor(actor: Actor): FrontdeskActor {
  if (actor.role === 'analyst') throw new Error('analysts give no queue commands');
  return { userId: actor.id, role: actor.role };
}
