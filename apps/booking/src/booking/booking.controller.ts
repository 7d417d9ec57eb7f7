import { BOOKING } from '@app/contracts';
import { CorrelationContext } from '@app/platform';
import type { EventMeta } from '@app/eventstore';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { activateRequest, availabilityRequest, extendHoldRequest, officeRequest, placeHoldRequest, referenceRequest, rescheduleRequest, submitContactRequest } from './booking-schemas';
import { BookingService } from './booking.service';

/**
 * `booking.*` request/reply. Each handler validates (a ZodError becomes the `validation_failed`
 * envelope with field errors), calls the service and returns its Result; the platform's envelope
 * interceptor puts it on the wire as `{ ok, value | error }`.
 */
@Controller()
export class BookingController {
  constructor(@Inject(BookingService) private readonly booking: BookingService) {}

  @MessagePattern(BOOKING.offices)
  offices() {
    return this.booking.offices();
  }

  @MessagePattern(BOOKING.services)
  services(@Payload() payload: unknown) {
    return this.booking.services(officeRequest.parse(payload).officeId);
  }

  @MessagePattern(BOOKING.availability)
  availability(@Payload() payload: unknown) {
    return this.booking.availability(availabilityRequest.parse(payload));
  }

  @MessagePattern(BOOKING.placeHold)
  placeHold(@Payload() payload: unknown) {
    return this.booking.placeHold(placeHoldRequest.parse(payload), meta());
  }

  @MessagePattern(BOOKING.extendHold)
  extendHold(@Payload() payload: unknown) {
    return this.booking.extendHold(extendHoldRequest.parse(payload), meta());
  }

  @MessagePattern(BOOKING.submitContact)
  submitContact(@Payload() payload: unknown) {
    return this.booking.submitContact(submitContactRequest.parse(payload), meta());
  }

  @MessagePattern(BOOKING.activate)
  activate(@Payload() payload: unknown) {
    return this.booking.activate(activateRequest.parse(payload), meta());
  }

  @MessagePattern(BOOKING.getAppointment)
  get(@Payload() payload: unknown) {
    return this.booking.get(referenceRequest.parse(payload));
  }

  @MessagePattern(BOOKING.cancel)
  cancel(@Payload() payload: unknown) {
    return this.booking.cancel(referenceRequest.parse(payload), meta('citizen'));
  }

  @MessagePattern(BOOKING.reschedule)
  reschedule(@Payload() payload: unknown) {
    return this.booking.reschedule(rescheduleRequest.parse(payload), meta('citizen'));
  }
}

function meta(actor = 'citizen'): EventMeta {
  return { correlationId: CorrelationContext.currentId() ?? 'none', actor };
}
