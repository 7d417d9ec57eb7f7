import { describeInstance, pingPattern, type PingReply } from '@app/platform';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

/** Answers `analytics.ping` so the gateway (and operators) can see the service is wired to NATS. */
@Controller()
export class PingController {
  @MessagePattern(pingPattern('analytics'))
  ping(): PingReply {
    return describeInstance('analytics');
  }
}
