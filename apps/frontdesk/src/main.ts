import { runService } from '@app/platform';
import { frontdeskService } from './app.module';
import { loadFrontdeskConfig } from './config';

void runService(frontdeskService, () => loadFrontdeskConfig(process.env));
