import type {
  AppointmentView, AvailabilityResponse, HoldResponse, Language, OfficesResponse, ServiceLineBody, ServicesResponse,
} from './booking-http';

/**
 * NATS request/reply subjects of the booking service and their payloads. Every reply is the
 * `{ ok: true, value } | { ok: false, error }` envelope of @app/platform; the value types below are
 * the REST bodies where the two coincide, so the gateway passes them through.
 */
export const BOOKING = {
  offices: 'booking.offices',
  services: 'booking.services',
  availability: 'booking.availability',
  placeHold: 'booking.hold.place',
  extendHold: 'booking.hold.extend',
  submitContact: 'booking.contact.submit',
  activate: 'booking.appointment.activate',
  getAppointment: 'booking.appointment.get',
  cancel: 'booking.appointment.cancel',
  reschedule: 'booking.appointment.reschedule',
} as const;

export interface BookingRequests {
  [BOOKING.offices]: { request: Record<string, never>; reply: OfficesResponse };
  [BOOKING.services]: { request: { officeId: string }; reply: ServicesResponse };
  [BOOKING.availability]: {
    request: { officeId: string; services: ServiceLineBody[]; from: string; to: string };
    reply: AvailabilityResponse;
  };
  [BOOKING.placeHold]: {
    request: { officeId: string; date: string; start: string; services: ServiceLineBody[]; holdId?: string };
    reply: HoldResponse;
  };
  [BOOKING.extendHold]: { request: { officeId: string; date: string; holdId: string }; reply: HoldResponse };
  [BOOKING.submitContact]: {
    request: { officeId: string; date: string; holdId: string; name: string; email: string; phone?: string; language: Language };
    reply: SubmitContactReply;
  };
  [BOOKING.activate]: { request: { reference: string; token: string }; reply: AppointmentView };
  [BOOKING.getAppointment]: { request: { reference: string }; reply: AppointmentView };
  [BOOKING.cancel]: { request: { reference: string }; reply: AppointmentView };
  [BOOKING.reschedule]: { request: { reference: string; date: string; start: string }; reply: AppointmentView };
}

export type BookingSubject = keyof BookingRequests;
export type BookingRequest<S extends BookingSubject> = BookingRequests[S]['request'];
export type BookingReply<S extends BookingSubject> = BookingRequests[S]['reply'];

export interface SubmitContactReply {
  readonly reference: string;
  readonly status: 'awaiting_activation' | 'booked';
  readonly activationExpiresAt?: string;
}
