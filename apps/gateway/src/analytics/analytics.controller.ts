import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ANALYTICS, type FlowQuery, type WhatIfQuery } from '@app/contracts/analytics';
import { StaffOnly } from '../staff/staff.guard';
import { AnalyticsClient } from './analytics-client';

/** Roles that may read customer-flow figures: analysts (all offices) and admins. */
export const ANALYTICS_ROLES = ['analyst', 'admin'] as const;

type Raw = Record<string, string | undefined>;

/** Text fields pass as given (the analytics service validates them and names the bad one). */
function flowQuery(q: Raw): FlowQuery {
  return { from: q['from'] ?? '', to: q['to'] ?? '', ...(q['officeId'] ? { officeId: q['officeId'] } : {}) };
}

/** A number field that is not a number stays NaN, which travels as null and is refused by the service. */
const numberOr = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));

/**
 * Customer-flow figures for the dashboard (`/analytics`), relayed to the analytics service. No route
 * here returns personal data: the service only counts visits.
 */
@Controller('api/staff/analytics')
@StaffOnly(...ANALYTICS_ROLES)
export class AnalyticsController {
  constructor(@Inject(AnalyticsClient) private readonly analytics: AnalyticsClient) {}

  @Get('figures')
  figures(@Query() q: Raw) {
    return this.analytics.request(ANALYTICS.figures, flowQuery(q));
  }

  @Get('what-if')
  whatIf(@Query() q: Raw) {
    const query: WhatIfQuery = { ...flowQuery(q), officeId: q['officeId'] ?? '', counters: numberOr(q['counters']), onlineShare: numberOr(q['onlineShare']) };
    return this.analytics.request(ANALYTICS.whatIf, query);
  }

  @Get('visits.csv')
  async csv(@Query() q: Raw, @Res() res: Response): Promise<void> {
    const file = await this.analytics.request(ANALYTICS.csv, flowQuery(q));
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('cache-control', 'no-store');
    res.send(file.content);
  }
}
