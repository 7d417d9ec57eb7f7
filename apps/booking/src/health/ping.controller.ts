import { describeInstance, pingPattern, type PingReply } from '@app/platform';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

/** Answers `booking.ping` so the gateway (and operators) can see the service is wired to NATS. */
@Controller()
export class PingController {
  @MessagePattern(pingPattern('booking'))
  ping(): PingReply {
    return describeInstance('booking');
  }
}
