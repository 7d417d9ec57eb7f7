import { runService } from '@app/platform';
import { gatewayService } from './app.module';
import { loadGatewayConfig } from './config';

void runService(gatewayService, () => loadGatewayConfig(process.env));
