import { BOOKING } from '@app/contracts';
import type { EventMeta } from '@app/eventstore';
import { CorrelationContext, RpcResponder, type RpcResponderOptions, type RpcRoute } from '@app/platform';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { BookingRuntime } from './booking-runtime';
import { activateRequest, availabilityRequest, extendHoldRequest, officeRequest, placeHoldRequest, referenceRequest, rescheduleRequest, submitContactRequest } from './booking-schemas';
import type { BookingService } from './booking.service';

/**
 * `booking.*` request/reply. Each route validates (a ZodError becomes the `validation_failed` envelope
 * with field errors), calls the service and returns its Result; RpcResponder puts it on the wire as
 * `{ ok, value | error }`.
 */
export function bookingRoutes(booking: BookingService): Record<string, RpcRoute> {
  return {
    [BOOKING.offices]: () => booking.offices(),
    [BOOKING.services]: (payload) => booking.services(officeRequest.parse(payload).officeId),
    [BOOKING.availability]: (payload) => booking.availability(availabilityRequest.parse(payload)),
    [BOOKING.placeHold]: (payload) => booking.placeHold(placeHoldRequest.parse(payload), meta()),
    [BOOKING.extendHold]: (payload) => booking.extendHold(extendHoldRequest.parse(payload), meta()),
    [BOOKING.submitContact]: (payload) => booking.submitContact(submitContactRequest.parse(payload), meta()),
    [BOOKING.activate]: (payload) => booking.activate(activateRequest.parse(payload), meta()),
    [BOOKING.getAppointment]: (payload) => booking.get(referenceRequest.parse(payload)),
    [BOOKING.cancel]: (payload) => booking.cancel(referenceRequest.parse(payload), meta()),
    [BOOKING.reschedule]: (payload) => booking.reschedule(rescheduleRequest.parse(payload), meta()),
  };
}

/** Every booking.* request is a citizen's (through the gateway or a city app). */
function meta(): EventMeta {
  return { correlationId: CorrelationContext.currentId() ?? 'none', actor: 'citizen' };
}

/**
 * Serves the booking routes on the event store's NATS connection (its replies and appends then share
 * socket writes), from app start until shutdown; the runtime closes after it. Nest's microservice
 * still answers `booking.ping`.
 */
export class BookingRpc implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private responder: RpcResponder | undefined;

  constructor(
    private readonly runtime: BookingRuntime,
    private readonly options: RpcResponderOptions,
  ) {}

  // A hybrid app runs the bootstrap hooks once for the microservice and once for HTTP: serve once.
  onApplicationBootstrap(): void {
    if (this.responder) return;
    this.responder = new RpcResponder(this.runtime.store.nc, this.options);
    this.responder.serve(bookingRoutes(this.runtime.service));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.responder?.close();
  }
}
