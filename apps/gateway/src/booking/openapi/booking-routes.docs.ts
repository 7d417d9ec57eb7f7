import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.decorator';
import {
  ActivateBodySchema, AppointmentViewSchema, AvailabilityResponseSchema, ContactResponseSchema, ExtendHoldBodySchema,
  HoldResponseSchema, OfficesResponseSchema, PlaceHoldBodySchema, RescheduleBodySchema, ServicesResponseSchema, SubmitContactBodySchema,
} from './booking.schemas';
import { DATE_PATTERN, ID_PATTERN } from './common.schemas';
import { SECURITY } from './security-schemes';

/** One decorator per public booking route: operation text (de/en), parameters, bodies, every response. */

const op = (summary: string, description: string) => ApiOperation({ summary, description });
const officeId = ApiParam({ name: 'officeId', schema: { type: 'string', pattern: ID_PATTERN }, example: 'hbs', description: 'Standort-Id. / Office id.' });
const holdId = ApiParam({ name: 'holdId', schema: { type: 'string', pattern: ID_PATTERN }, example: '01935f8e-6c1d-7a2b-9c3d-4e5f6a7b8c9d', description: 'Id der Reservierung. / Hold id.' });
const reference = ApiParam({ name: 'reference', schema: { type: 'string', pattern: '^[A-Z0-9-]{4,32}$' }, example: 'HBS-7K3Q9F', description: 'Termin-Referenz. / Appointment reference.' });
const manageToken = applyDecorators(ApiSecurity(SECURITY.manageToken), ApiSecurity(SECURITY.manageTokenQuery));
const ok = (type: unknown, description = 'OK') => ApiOkResponse({ type: type as never, description });

export const ApiBookingDocs = {
  offices: () =>
    applyDecorators(op('Standorte · Offices', 'Bürgerbüros mit ihren Buchungsregeln. / Offices with their booking rules.'), ok(OfficesResponseSchema), ApiProblems([429, 503])),

  services: () =>
    applyDecorators(
      op('Dienstleistungen · Services', 'Online buchbare Dienstleistungen: Dauer, Unterlagen, Höchstzahl, Gebühr, kombinierbar. / Services bookable online: minutes, documents, max quantity, fee, combinable.'),
      officeId, ok(ServicesResponseSchema), ApiProblems([404, 429, 503], { 404: ['unknown_office'] }),
    ),

  availability: () =>
    applyDecorators(
      op('Freie Zeiten · Availability', 'Freie Startzeiten je Tag (höchstens 62 Tage). Geschlossene Tage mit closedReason. / Free start times per day (at most 62 days); closed days carry closedReason.'),
      officeId,
      ApiQuery({ name: 'services', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+(:[0-9]+)?(,[A-Za-z0-9_-]+(:[0-9]+)?)*$' }, example: 'personalausweis:1,anmeldung:2', description: '`id:anzahl`, kommagetrennt. / `id:quantity`, comma-separated.' }),
      ApiQuery({ name: 'from', required: true, schema: { type: 'string', format: 'date', pattern: DATE_PATTERN }, example: '2026-12-01', description: 'Erster Tag. / First day.' }),
      ApiQuery({ name: 'to', required: true, schema: { type: 'string', format: 'date', pattern: DATE_PATTERN }, example: '2026-12-14', description: 'Letzter Tag (≤ from + 61). / Last day (≤ from + 61).' }),
      ok(AvailabilityResponseSchema), ApiProblems([400, 404, 429, 503], { 400: ['validation_failed'], 404: ['unknown_office'] }),
    ),

  placeHold: () =>
    applyDecorators(
      op('Zeit reservieren · Place a hold', 'Hält eine Startzeit für holdMinutes. Braucht ein gelöstes ALTCHA. / Holds a start time for holdMinutes; needs a solved ALTCHA.'),
      ApiSecurity(SECURITY.altcha), officeId, ApiBody({ type: PlaceHoldBodySchema }),
      ApiResponse({ status: 201, type: HoldResponseSchema, description: 'Reserviert. / Held.' }),
      ApiProblems([400, 404, 409, 422, 429, 503], {
        400: ['validation_failed', 'captcha_invalid', 'captcha_expired', 'captcha_reused'], 404: ['unknown_office'], 409: ['no_capacity', 'hold_id_taken'],
        422: ['in_past', 'before_lead_time', 'beyond_window', 'closed_day', 'outside_opening_hours'],
      }),
    ),

  extendHold: () =>
    applyDecorators(
      op('Reservierung verlängern · Extend a hold', 'Noch eine Haltezeit ab jetzt, höchstens zweimal; kein Captcha. / Another hold time from now, at most twice; no captcha.'),
      officeId, holdId, ApiBody({ type: ExtendHoldBodySchema }), ok(HoldResponseSchema, 'Verlängert (späteres expiresAt). / Extended (later expiresAt).'),
      ApiProblems([400, 404, 409, 429, 503], { 404: ['hold_unknown'], 409: ['hold_extension_limit', 'hold_expired', 'hold_used'] }),
    ),

  submitContact: () =>
    applyDecorators(
      op('Kontaktdaten senden · Submit contact data', 'Macht aus der Reservierung einen Termin: 202 wartet auf E-Mail-Bestätigung, 201 sofort gebucht. Liefert einmalig das Verwaltungs-Token. / Turns the hold into an appointment: 202 awaits email activation, 201 booked at once. Returns the manage token once.'),
      officeId, holdId, ApiBody({ type: SubmitContactBodySchema }),
      ApiResponse({ status: 201, type: ContactResponseSchema, description: 'Gebucht. / Booked.' }),
      ApiResponse({ status: 202, type: ContactResponseSchema, description: 'Bestätigung per E-Mail nötig. / Awaiting email activation.' }),
      ApiProblems([400, 404, 409, 422, 429, 503], { 400: ['validation_failed'], 404: ['hold_unknown'], 409: ['hold_expired', 'hold_used'], 422: ['contact_limit'] }),
    ),

  activate: () =>
    applyDecorators(
      op('Termin bestätigen · Activate', 'Bestätigt den Termin mit dem Token aus der E-Mail. / Confirms the appointment with the token from the activation email.'),
      reference, ApiBody({ type: ActivateBodySchema }), ok(AppointmentViewSchema, 'Gebucht. / Booked.'),
      ApiProblems([400, 403, 404, 409, 429, 503], { 403: ['activation_token_invalid'], 404: ['appointment_unknown'], 409: ['activation_expired', 'already_cancelled'] }),
    ),

  get: () =>
    applyDecorators(
      op('Termin ansehen · Get appointment', 'Der Termin; keine Kontaktdaten außer der maskierten E-Mail. / The appointment; no contact data but the masked email.'),
      manageToken, reference, ok(AppointmentViewSchema), ApiProblems([404, 429, 503], { 404: ['appointment_unknown'] }),
    ),

  cancel: () =>
    applyDecorators(
      op('Termin absagen · Cancel', 'Sagt den Termin ab. / Cancels the appointment.'),
      manageToken, reference, ok(AppointmentViewSchema, 'Abgesagt. / Cancelled.'),
      ApiProblems([404, 409, 422, 429, 503], { 404: ['appointment_unknown'], 409: ['already_cancelled'], 422: ['before_lead_time'] }),
    ),

  reschedule: () =>
    applyDecorators(
      op('Termin verschieben · Reschedule', 'Neue Zeit am selben oder einem anderen Tag (gleicher Standort); Referenz und Link bleiben. Braucht Token + ALTCHA. / New time, same or another day (same office); reference and link stay. Needs token + ALTCHA.'),
      ApiSecurity({ [SECURITY.manageToken]: [], [SECURITY.altcha]: [] }), ApiSecurity({ [SECURITY.manageTokenQuery]: [], [SECURITY.altcha]: [] }),
      reference, ApiBody({ type: RescheduleBodySchema }), ok(AppointmentViewSchema, 'Verschoben. / Moved.'),
      ApiProblems([400, 404, 409, 422, 429, 503], { 400: ['validation_failed', 'captcha_invalid'], 404: ['appointment_unknown'], 409: ['no_capacity', 'already_cancelled'], 422: ['in_past', 'before_lead_time', 'beyond_window', 'outside_opening_hours'] }),
    ),

  ics: () =>
    applyDecorators(
      op('Kalenderdatei · iCalendar file', 'Der Termin als .ics (Token meist als ?token=). / The appointment as .ics (token usually as ?token=).'),
      manageToken, reference,
      ApiQuery({ name: 'lang', required: false, enum: ['de', 'en'], example: 'de', description: 'Sprache. / Language.' }),
      ApiProduces('text/calendar'),
      ApiResponse({ status: 200, description: 'iCalendar (RFC 5545).', content: { 'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…' } } } }),
      ApiProblems([404, 429, 503], { 404: ['appointment_unknown'] }),
    ),
};
