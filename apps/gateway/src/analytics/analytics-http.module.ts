import { Module } from '@nestjs/common';
import { AnalyticsClient } from './analytics-client';
import { AnalyticsPagesController } from './analytics-pages.controller';
import { AnalyticsController } from './analytics.controller';

/** The analyst's dashboard and its API (`/analytics`, `/api/staff/analytics/*`). Needs StaffModule (global). */
@Module({
  controllers: [AnalyticsController, AnalyticsPagesController],
  providers: [AnalyticsClient],
})
export class AnalyticsHttpModule {}
