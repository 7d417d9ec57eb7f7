/**
 * REST shapes of the public booking API (gateway, all under `/api`, JSON). The booking page and a city
 * app code against these; `/api/docs` (OpenAPI) documents the same shapes. Dates are `YYYY-MM-DD`, times
 * `HH:MM`, both Europe/Berlin wall clock; instants are ISO-8601 strings in UTC.
 *
 * Every error is an RFC 9457 problem document (`application/problem+json`, see `ProblemBody`):
 * 400 invalid input (with `errors[]` naming each field), 403 bad activation token, 404 unknown
 * (office, hold, or reference + token that do not match — the two are deliberately indistinguishable),
 * 409 taken / expired / already done, 422 a booking rule (lead time, opening hours, per-contact limit),
 * 429 too many requests (with `Retry-After`), 503 a service is down.
 *
 * Documented choices:
 *  - The manage token signs the REFERENCE (not the appointment id), so a link stays valid across a
 *    reschedule to another day (where the appointment id changes). Send it as
 *    `Authorization: Bearer <token>` or `?token=`.
 *  - The activation token is HMAC(ACTIVATION_KEY, holdId), derived where needed (booking service,
 *    notifications for the email, tests) — see `booking-tokens.ts`; only its SHA-256 is in the log.
 *    No endpoint ever returns it.
 *  - The manage token is returned once, in the response to `POST …/contact` (the page may show the
 *    manage link right away); the email carries it too.
 */
import type { LocalizedText } from '@app/domain';

export type IsoDate = string; // YYYY-MM-DD
export type IsoTime = string; // HH:MM
export type IsoInstant = string; // 2026-11-24T09:00:00.000Z
export type Language = 'de' | 'en';

/** GET /api/offices */
export interface OfficeSummary {
  readonly id: string;
  readonly name: LocalizedText;
  readonly address: { readonly street: string; readonly postalCode: string; readonly city: string };
  readonly slotMinutes: number;
  /** Bookable from today + minDays up to today + maxDays. */
  readonly window: { readonly minDays: number; readonly maxDays: number };
  readonly holdMinutes: number;
  readonly requiresActivation: boolean;
  readonly maxOpenAppointmentsPerContact: number;
}
export interface OfficesResponse {
  readonly offices: readonly OfficeSummary[];
}

/** GET /api/offices/{officeId}/services — only services bookable online at that office. */
export interface ServiceInfo {
  readonly id: string;
  readonly name: LocalizedText;
  /** Counter minutes for ONE unit; the appointment takes minutes × quantity, rounded up to slots. */
  readonly minutes: number;
  readonly maxQuantity: number;
  readonly documents: readonly LocalizedText[];
  /** Euro cents; `reducedUnder24Cents` for ID card / passport applicants under 24. */
  readonly fee: { readonly cents: number; readonly reducedUnder24Cents?: number };
  /** Ids of services that may share one appointment with this one. */
  readonly combinableWith: readonly string[];
}
export interface ServicesResponse {
  readonly officeId: string;
  readonly services: readonly ServiceInfo[];
}

/**
 * GET /api/offices/{officeId}/availability?services=personalausweis:1,anmeldung:2&from=YYYY-MM-DD&to=YYYY-MM-DD
 * Range at most 62 days. Closed days come with `closedReason` and no times.
 */
export interface AvailabilityDay {
  readonly date: IsoDate;
  readonly times: readonly IsoTime[];
  readonly closedReason?: LocalizedText;
}
export interface AvailabilityResponse {
  readonly officeId: string;
  readonly days: readonly AvailabilityDay[];
}

export interface ServiceLineBody {
  readonly serviceId: string;
  readonly quantity: number; // 1..maxQuantity
}

/**
 * POST /api/offices/{officeId}/holds — needs a solved ALTCHA captcha (`x-altcha` header or `altcha` field;
 * challenge from GET /api/captcha). `holdId` optional: a client-chosen id (UUID) makes a retry idempotent.
 */
export interface PlaceHoldBody {
  readonly date: IsoDate;
  readonly start: IsoTime;
  readonly services: readonly ServiceLineBody[];
  readonly holdId?: string;
  readonly altcha?: string;
}
/** 201 */
export interface HoldResponse {
  readonly holdId: string;
  readonly officeId: string;
  readonly date: IsoDate;
  readonly start: IsoTime;
  readonly end: IsoTime;
  readonly minutes: number;
  readonly services: readonly ServiceLineBody[];
  readonly expiresAt: IsoInstant;
}

/**
 * POST /api/offices/{officeId}/holds/{holdId}/extend `{ date }` → 200 HoldResponse with a later expiresAt
 * (another hold time from now). At most 2 extensions, never beyond placing + 3 hold times: then 409
 * `hold_extension_limit`; 409 `hold_expired` once it has run out, 409 `hold_used` after contact data,
 * 404 `hold_unknown`. No captcha (the hold already needed one); rate limit `hold`.
 */
export interface ExtendHoldBody {
  readonly date: IsoDate;
}

/** POST /api/offices/{officeId}/holds/{holdId}/contact */
export interface SubmitContactBody {
  readonly date: IsoDate;
  readonly name: string; // 1..100 chars
  readonly email: string; // ≤ 254 chars
  readonly phone?: string; // ≤ 30 chars, digits, spaces, + - / ( )
  readonly language: Language;
  readonly consent: true;
}
/** 202 when activation is needed, 201 when booked at once (office without email activation). */
export interface ContactResponse {
  readonly reference: string;
  readonly status: 'awaiting_activation' | 'booked';
  /** Present when status is awaiting_activation. */
  readonly activationExpiresAt?: IsoInstant;
  /** Manage token for GET/cancel/reschedule (shown once here, also in the email). */
  readonly manageToken: string;
}

/** POST /api/appointments/{reference}/activate `{ token }` → 200 AppointmentView (status booked). */
export interface ActivateBody {
  readonly token: string;
}

export type AppointmentStatus = 'awaiting_activation' | 'booked' | 'cancelled';

/** GET /api/appointments/{reference} (manage token required). No contact data except the masked email. */
export interface AppointmentView {
  readonly reference: string;
  readonly status: AppointmentStatus;
  readonly officeId: string;
  readonly officeName: LocalizedText;
  readonly date: IsoDate;
  readonly start: IsoTime;
  readonly end: IsoTime;
  readonly startsAt: IsoInstant;
  readonly endsAt: IsoInstant;
  readonly services: readonly (ServiceLineBody & { readonly name: LocalizedText })[];
  readonly language: Language;
  /** e.g. `a***@example.org` */
  readonly maskedEmail: string;
  readonly cancelledAt?: IsoInstant;
  readonly activationExpiresAt?: IsoInstant;
}

/** POST /api/appointments/{reference}/cancel (manage token) → 200 AppointmentView (status cancelled). */
/**
 * POST /api/appointments/{reference}/reschedule (manage token + captcha) → 200 AppointmentView. Same day or
 * another day (same office): the reference and the manage link stay; the view shows the new place.
 */
export interface RescheduleBody {
  readonly date: IsoDate;
  readonly start: IsoTime;
  readonly altcha?: string;
}

/** GET /api/appointments/{reference}/calendar.ics?token= → text/calendar */

/** RFC 9457 body of every error (same as `ProblemDetails` of @app/platform). */
export interface ProblemBody {
  readonly type: string; // urn:schalter:problem:<code>
  readonly title: string;
  readonly status: number;
  /** German text for people. */
  readonly detail: string;
  readonly detail_en: string;
  /** Stable machine code, e.g. `no_capacity`, `hold_expired`, `contact_limit`, `validation_failed`. */
  readonly code: string;
  /** For 400: one entry per wrong field, e.g. `{ path: 'services.0.quantity', message: '…' }`. */
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
  readonly correlationId?: string;
  /** On the gateway's own refusals (captcha, rate limit, size): e.g. `retryAfterSeconds`, `limitBytes`. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Path of the refused request (RFC 9457 `instance`), on the gateway's own refusals. */
  readonly instance?: string;
}
