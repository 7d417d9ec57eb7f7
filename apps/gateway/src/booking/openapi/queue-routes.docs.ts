import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiSecurity } from '@nestjs/swagger';
import { ApiProblems, type ProblemStatus } from './api-problems.decorator';
import { ID_PATTERN } from './common.schemas';
import {
  CallTicketBodySchema, CheckInBodySchema, CompleteBodySchema, DisplayStateSchema, OpenCounterBodySchema, PublicTicketViewSchema,
  QueueCommandReplySchema, StaffStateSchema, TransferBodySchema, WalkInBodySchema,
} from './queue.schemas';
import { SECURITY } from './security-schemes';
import { LoginBodySchema, SocketTokenSchema, StaffSessionSchema } from './staff.schemas';

/** One decorator per queue and staff route (staff console, kiosk, waiting-room screen, ticket page). */

const op = (summary: string, description: string) => ApiOperation({ summary, description });
const idParam = (name: string, example: string, description: string) => ApiParam({ name, schema: { type: 'string', pattern: ID_PATTERN }, example, description });
const officeId = idParam('officeId', 'hbs', 'Bürgerbüro. / Office.');
const counterId = idParam('counterId', 'schalter-3', 'Schalter. / Counter.');
const ticketId = idParam('ticketId', '01935f8e6c1d', 'Wartenummer-Id. / Ticket id.');
const staffRead = ApiSecurity(SECURITY.staffSession);
const staffWrite = ApiSecurity({ [SECURITY.staffSession]: [], [SECURITY.csrfHeader]: [] });
const STAFF_REFUSALS: ProblemStatus[] = [400, 401, 403, 404, 409, 422, 503];
const refusals = ApiProblems(STAFF_REFUSALS, { 401: ['staff_login_required'], 403: ['csrf_header_missing', 'staff_role_forbidden', 'staff_office_forbidden'] });
const reply = ApiOkResponse({ type: QueueCommandReplySchema, description: 'Warteschlange danach (seq) und das Ticket. / The queue after it (seq) and the ticket.' });

/** A staff queue command: POST, session + CSRF header, reply QueueCommandReply. */
function command(summary: string, description: string, ...extra: (ClassDecorator | MethodDecorator | PropertyDecorator)[]) {
  return applyDecorators(op(summary, description), staffWrite, officeId, ...extra, reply, refusals);
}

export const ApiQueueDocs = {
  staffQueue: () =>
    applyDecorators(op('Warteschlange heute · Today’s queue', 'Nummern, Schalter und erwartete Termine des Tages. / Tickets, counters and expected appointments of the day.'), staffRead, officeId, ApiOkResponse({ type: StaffStateSchema }), ApiProblems([400, 401, 403, 503])),
  checkIn: () => command('Anmelden (Termin) · Check in', 'Gebuchten Termin per Referenz oder QR anmelden: Nummer T-…. Genau eines von reference/qr. / Check in a booked appointment by reference or QR: ticket T-…; exactly one of reference/qr.', ApiBody({ type: CheckInBodySchema })),
  walkIn: () => command('Nummer ziehen (ohne Termin) · Walk-in ticket', 'Wartenummer W-… für Kunden ohne Termin. / Walk-in ticket W-….', ApiBody({ type: WalkInBodySchema })),
  openCounter: () => command('Schalter öffnen · Open counter', 'Öffnet den Schalter, optional mit Dienstleistungen. / Opens the counter, optionally with services.', counterId, ApiBody({ type: OpenCounterBodySchema, required: false })),
  closeCounter: () => command('Schalter schließen · Close counter', 'Schließt den Schalter. / Closes the counter.', counterId),
  callNext: () => command('Nächste Nummer aufrufen · Call next', 'Ruft nach der Aufrufregel die nächste Nummer. / Calls the next ticket by the call policy.', counterId),
  callTicket: () => command('Bestimmte Nummer aufrufen · Call a ticket', 'Ruft eine bestimmte Nummer an diesen Schalter. / Calls a given ticket to this counter.', counterId, ApiBody({ type: CallTicketBodySchema })),
  recall: () => command('Erneut aufrufen · Recall', 'Ruft die Nummer noch einmal auf. / Calls the ticket again.', ticketId),
  park: () => command('Zurückstellen · Park', 'Stellt die Nummer zurück. / Parks the ticket.', ticketId),
  unpark: () => command('Wieder einreihen · Unpark', 'Reiht die Nummer wieder ein. / Puts the ticket back in line.', ticketId),
  start: () => command('Bedienung beginnen · Start service', 'Beginnt die Bedienung. / Starts serving the ticket.', ticketId),
  noShow: () => command('Nicht erschienen · No-show', 'Kunde nicht erschienen. / Customer did not show up.', ticketId),
  transfer: () => command('Weiterleiten · Transfer', 'An andere Dienstleistungen oder einen Schalter. / To other services or a counter.', ticketId, ApiBody({ type: TransferBodySchema })),
  complete: () => command('Abschließen · Complete', 'Bedienung beendet. / Service finished.', ticketId, ApiBody({ type: CompleteBodySchema, required: false })),

  kioskWalkIn: () =>
    applyDecorators(
      op('Kiosk: Nummer ziehen · Kiosk walk-in ticket', 'Vom Kiosk-Gerät des Bürgerbüros (Geräte-Token). / From the office’s kiosk device (device token).'),
      ApiSecurity(SECURITY.kioskToken), officeId, ApiBody({ type: WalkInBodySchema }), reply,
      ApiProblems([400, 401, 403, 409, 422, 503], { 401: ['kiosk_token_invalid'], 403: ['staff_office_forbidden'] }),
    ),
  ticket: () =>
    applyDecorators(
      op('Meine Wartenummer · My ticket', 'Status, Plätze vor mir, geschätzte Wartezeit; ohne Namen. / Status, tickets ahead, estimated wait; no names.'),
      officeId, ticketId, ApiOkResponse({ type: PublicTicketViewSchema }), ApiProblems([400, 404, 429, 503]),
    ),
  display: () =>
    applyDecorators(
      op('Aufrufanzeige · Waiting-room display', 'Letzte Aufrufe, Wartende, Schätzung; live über Socket.IO /display. / Latest calls, waiting count, estimate; live via Socket.IO /display.'),
      officeId, ApiOkResponse({ type: DisplayStateSchema }), ApiProblems([400, 404, 429, 503]),
    ),
};

export const ApiStaffDocs = {
  login: () =>
    applyDecorators(
      op('Anmelden · Sign in', 'Setzt das Sitzungs-Cookie schalter_staff. / Sets the schalter_staff session cookie.'),
      ApiBody({ type: LoginBodySchema }), ApiOkResponse({ type: StaffSessionSchema }), ApiProblems([400, 401, 429, 503], { 401: ['staff_login_failed'] }),
    ),
  whoAmI: () => applyDecorators(op('Wer bin ich · Who am I', 'Die angemeldete Person. / The signed-in user.'), staffRead, ApiOkResponse({ type: StaffSessionSchema }), ApiProblems([401, 403, 503])),
  logout: () => applyDecorators(op('Abmelden · Sign out', 'Beendet die Sitzung. / Ends the session.'), ApiNoContentResponse({ description: 'Abgemeldet. / Signed out.' }), ApiProblems([503])),
  socketToken: () =>
    applyDecorators(
      op('Socket-Token · Socket token', 'Kurzlebiges Token für Socket.IO /staff. / Short-lived token for the /staff Socket.IO namespace.'),
      staffRead, ApiQuery({ name: 'officeId', required: true, schema: { type: 'string', pattern: ID_PATTERN }, example: 'hbs' }),
      ApiOkResponse({ type: SocketTokenSchema }), ApiProblems([400, 401, 403, 503], { 400: ['office_required'] }),
    ),
};
