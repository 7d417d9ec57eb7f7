import { describeInstance, pingPattern, type PingReply } from '@app/platform';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

/** Answers `notifications.ping` so the gateway (and operators) can see the service is wired to NATS. */
@Controller()
export class PingController {
  @MessagePattern(pingPattern('notifications'))
  ping(): PingReply {
    return describeInstance('notifications');
  }
}
