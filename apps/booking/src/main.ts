import { runService } from '@app/platform';
import { bookingService } from './app.module';
import { loadBookingConfig } from './config';

void runService(bookingService, () => loadBookingConfig(process.env));
