import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ANALYTICS, type FlowQuery, type WhatIfQuery } from '@app/contracts/analytics';
import { AnalyticsService } from './analytics.service';

/** `analytics.*` over NATS; each reply is the Result envelope (validation refusals included). */
@Controller()
export class AnalyticsController {
  constructor(@Inject(AnalyticsService) private readonly analytics: AnalyticsService) {}

  @MessagePattern(ANALYTICS.figures)
  figures(@Payload() query: Partial<FlowQuery>) {
    return this.analytics.figures(query ?? {});
  }

  @MessagePattern(ANALYTICS.csv)
  csv(@Payload() query: Partial<FlowQuery>) {
    return this.analytics.csv(query ?? {});
  }

  @MessagePattern(ANALYTICS.whatIf)
  whatIf(@Payload() query: Partial<WhatIfQuery>) {
    return this.analytics.whatIf(query ?? {});
  }
}
