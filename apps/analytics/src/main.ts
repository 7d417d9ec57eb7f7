import { runService } from '@app/platform';
import { analyticsService } from './app.module';
import { loadAnalyticsConfig } from './config';

void runService(analyticsService, () => loadAnalyticsConfig(process.env));
