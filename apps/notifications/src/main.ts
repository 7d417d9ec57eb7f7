import { runService } from '@app/platform';
import { notificationsService } from './app.module';
import { loadNotificationsConfig } from './config';

void runService(notificationsService, () => loadNotificationsConfig(process.env));
