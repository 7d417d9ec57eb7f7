import { activationTokenFor, activationTokenHash, type AppointmentView, type AvailabilityResponse, type BookingRequest, type BOOKING, type HoldResponse, type OfficesResponse, type ServicesResponse, type SubmitContactReply } from '@app/contracts';
import { addDays, availability, calendarRefusals as refuse, fail, findOffice, ok, type Appointment, type Office, type Result, type DomainError } from '@app/domain';
import { uuidv7, type EventMeta } from '@app/eventstore';
import { contactKey, freshRandomBytes } from '@app/privacy';
import type { BookingCore } from './booking-core';
import { RescheduleProcess } from './reschedule-process';
import { appointmentView, holdView, officeServices, officeSummary } from './booking-views';

type Reply<T> = Promise<Result<T, DomainError>>;
const MINUTE = 60_000;
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud at the counter

/**
 * The booking operations behind the `booking.*` subjects: queries answered from the calendars this
 * instance holds, commands through the command handlers. The per-contact limit runs as the process
 * documented on `decideContact` (reserve on the contact → act on the calendar → confirm or compensate).
 *
 * Crash between steps, and what finishes or undoes it:
 *  - reserved, calendar step never happened (or refused and the release lost): the reservation stops
 *    counting by itself at its `expiresAt` (hold time + activation time) — no sweep needed;
 *  - calendar booked, confirm lost: the place stays reserved until `expiresAt`; the next activate or
 *    cancel of that appointment repeats the confirm/release idempotently (commands are repeat-safe);
 *  - a move to another day: finished (or compensated) by `RescheduleProcess`, at start and on lookup.
 */
export class BookingService {
  readonly moves: RescheduleProcess;

  constructor(private readonly core: BookingCore) {
    this.moves = new RescheduleProcess(core);
  }

  offices(): OfficesResponse {
    return { offices: this.core.catalog.offices.map(officeSummary) };
  }

  services(officeId: string): Result<ServicesResponse, DomainError> {
    const office = findOffice(this.core.catalog, officeId);
    return office ? ok({ officeId, services: officeServices(this.core.catalog, office) }) : fail(refuse.unknownOffice(officeId));
  }

  async availability(request: BookingRequest<typeof BOOKING.availability>): Reply<AvailabilityResponse> {
    const { officeId, services, from, to } = request;
    if (to < from || addDays(from, 61) < to) return fail(rangeTooLong());
    const calendars: Record<string, Awaited<ReturnType<BookingCore['calendar']>>> = {};
    const dates: string[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
    // The log's state, not only this instance's cache: with several instances another one may have taken
    // a time since, and a cached calendar stays as it was until this instance next writes to that day.
    await Promise.all(dates.map(async (date) => (calendars[date] = await this.core.latestCalendar(officeId, date))));
    const days = availability(this.core.catalog, officeId, services, { from, to }, calendars, this.core.now());
    if (!days.ok) return days;
    return ok({ officeId, days: days.value.map((d) => (d.open ? { date: d.date, times: d.starts } : { date: d.date, times: [], closedReason: d.closedReason })) });
  }

  async placeHold(request: BookingRequest<typeof BOOKING.placeHold>, meta: EventMeta): Reply<HoldResponse> {
    const { officeId, date, start, services } = request;
    const holdId = request.holdId ?? uuidv7();
    const result = await this.core.onCalendar(officeId, date, { type: 'PlaceHold', data: { officeId, date, start, services, holdId } }, meta);
    if (!result.ok) return result;
    const state = result.value.state;
    const hold = state.status === 'open' ? state.holds[holdId] : undefined;
    return hold ? ok(holdView(hold)) : fail(refuse.holdUsed(holdId));
  }

  async extendHold(request: BookingRequest<typeof BOOKING.extendHold>, meta: EventMeta): Reply<HoldResponse> {
    const { officeId, date, holdId } = request;
    const result = await this.core.onCalendar(officeId, date, { type: 'ExtendHold', data: { holdId } }, meta);
    if (!result.ok) return result;
    const state = result.value.state;
    const hold = state.status === 'open' ? state.holds[holdId] : undefined;
    return hold ? ok(holdView(hold)) : fail(refuse.holdUnknown(holdId));
  }

  async submitContact(request: BookingRequest<typeof BOOKING.submitContact>, meta: EventMeta): Reply<SubmitContactReply> {
    const { officeId, date, holdId, name, email, phone, language } = request;
    const office = findOffice(this.core.catalog, officeId);
    if (!office) return fail(refuse.unknownOffice(officeId));
    const hold = await this.findHold(officeId, date, holdId);
    if (!hold.ok) return hold;
    const key = contactKey(email, this.core.deps.pepper);
    const expiresAt = hold.value.expiresAt + office.booking.activationMinutes * MINUTE;
    const reserved = await this.core.onContact(key, {
      type: 'ReserveAppointmentPlace', data: { contactKey: key, placeId: holdId, officeId, date, endsAt: hold.value.endsAt, expiresAt },
    }, meta);
    if (!reserved.ok) return reserved;
    const appointmentId = uuidv7();
    const sealedContact = await this.core.deps.vault.seal(appointmentId, { name, email, ...(phone ? { phone } : {}) });
    const token = activationTokenFor(this.core.deps.activationKey, holdId);
    const command = { type: 'SubmitContact' as const, data: { holdId, reference: newReference(officeId), sealedContact, contactKey: key, language, activationTokenHash: activationTokenHash(token) } };
    const submitted = await this.core.onCalendar(officeId, date, command, meta, () => appointmentId);
    if (!submitted.ok) {
      await this.core.onContact(key, { type: 'ReleaseAppointmentPlace', data: { contactKey: key, placeId: holdId, reason: 'booking_failed' } }, meta);
      return submitted;
    }
    const appointment = appointmentOfHold(submitted.value.state, holdId);
    if (!appointment) return fail(refuse.holdUnknown(holdId));
    if (appointment.status === 'booked') await this.confirmPlace(appointment, meta);
    return ok({
      reference: appointment.reference,
      status: appointment.status === 'booked' ? 'booked' : 'awaiting_activation',
      ...(appointment.status === 'awaiting_activation' ? { activationExpiresAt: new Date(appointment.activationExpiresAt).toISOString() } : {}),
    });
  }

  async activate(request: BookingRequest<typeof BOOKING.activate>, meta: EventMeta): Reply<AppointmentView> {
    const found = (await this.awaitingInCache(request.reference)) ?? (await this.locate(request.reference));
    if (!found.ok) return found;
    const { appointment } = found.value;
    const result = await this.core.onCalendar(appointment.officeId, appointment.date, {
      type: 'Activate', data: { appointmentId: appointment.appointmentId, tokenHash: activationTokenHash(request.token) },
    }, meta);
    if (!result.ok) return result;
    return this.afterChange(result.value.state, appointment.appointmentId, (a) => this.confirmPlace(a, meta));
  }

  async get(request: BookingRequest<typeof BOOKING.getAppointment>): Reply<AppointmentView> {
    const found = await this.locate(request.reference);
    return found.ok ? ok(await this.view(found.value.appointment, found.value.office)) : found;
  }

  async cancel(request: BookingRequest<typeof BOOKING.cancel>, meta: EventMeta): Reply<AppointmentView> {
    const found = await this.locate(request.reference);
    if (!found.ok) return found;
    const { appointment } = found.value;
    const result = await this.core.onCalendar(appointment.officeId, appointment.date, {
      type: 'Cancel', data: { appointmentId: appointment.appointmentId, reason: 'citizen_request', by: 'citizen' },
    }, meta);
    if (!result.ok) return result;
    return this.afterChange(result.value.state, appointment.appointmentId, (a) => this.releasePlace(a, meta));
  }

  /** Same day: one `Reschedule` on the calendar, then the place follows. Another day: `RescheduleProcess`. */
  async reschedule(request: BookingRequest<typeof BOOKING.reschedule>, meta: EventMeta): Reply<AppointmentView> {
    const found = await this.locate(request.reference);
    if (!found.ok) return found;
    const { appointment, office } = found.value;
    if (request.date !== appointment.date) {
      const moved = await this.moves.move(appointment, request.date, request.start, meta);
      return moved.ok ? ok(await this.view(moved.value, office)) : moved;
    }
    const result = await this.core.onCalendar(appointment.officeId, appointment.date, {
      type: 'Reschedule', data: { appointmentId: appointment.appointmentId, start: request.start },
    }, meta);
    if (!result.ok) return result;
    return this.afterChange(result.value.state, appointment.appointmentId, async (a) => {
      const placeId = await this.moves.placeOf(a.contactKey, [a.appointmentId], a.holdId);
      await this.core.onContact(a.contactKey, {
        type: 'MoveAppointmentPlace', data: { contactKey: a.contactKey, placeId, appointmentId: a.appointmentId, officeId: a.officeId, date: a.date, endsAt: a.endsAt },
      }, meta);
    });
  }

  private async afterChange(state: Awaited<ReturnType<BookingCore['calendar']>>, appointmentId: string, then: (a: Appointment) => Promise<void>): Reply<AppointmentView> {
    const appointment = state.status === 'open' ? state.appointments[appointmentId] : undefined;
    const office = appointment && findOffice(this.core.catalog, appointment.officeId);
    if (!appointment || !office) return fail(refuse.appointmentUnknown(appointmentId));
    await then(appointment);
    return ok(await this.view(appointment, office));
  }

  private async confirmPlace(a: Appointment, meta: EventMeta): Promise<void> {
    await this.core.onContact(a.contactKey, { type: 'ConfirmAppointmentPlace', data: { contactKey: a.contactKey, placeId: a.holdId, appointmentId: a.appointmentId } }, meta);
  }

  private async releasePlace(a: Appointment, meta: EventMeta): Promise<void> {
    const placeId = await this.moves.placeOf(a.contactKey, [a.appointmentId], a.holdId);
    await this.core.onContact(a.contactKey, { type: 'ReleaseAppointmentPlace', data: { contactKey: a.contactKey, placeId, reason: 'cancelled' } }, meta);
  }

  private async view(appointment: Appointment, office: Office): Promise<AppointmentView> {
    const opened = await this.core.deps.vault.open(appointment.appointmentId, appointment.sealedContact);
    return appointmentView(appointment, this.core.catalog, office, opened.status === 'open' ? opened.fields['email'] : undefined);
  }

  /** The hold on the calendar itself (reloaded once if this instance has not seen it yet). */
  private async findHold(officeId: string, date: string, holdId: string) {
    for (const load of [() => this.core.calendar(officeId, date), () => this.core.latestCalendar(officeId, date)]) {
      const state = await load();
      if (state.status === 'open' && state.holds[holdId]) return ok(state.holds[holdId]);
      if (state.status === 'open' && appointmentOfHold(state, holdId)) return fail(refuse.holdUsed(holdId));
    }
    return fail(refuse.holdUnknown(holdId));
  }

  /**
   * Activation's shortcut past `locate`'s read of the log: an appointment this instance knows and caches
   * as awaiting activation. A stale cache cannot mislead the command: the Activate append checks the
   * calendar's version (a conflict catches up and decides again) and a refusal is answered only after a
   * look at the log (`refusedOnlyWhenCurrent`). No move touches an appointment awaiting activation.
   */
  private async awaitingInCache(reference: string): Promise<Result<{ appointment: Appointment; office: Office }, DomainError> | undefined> {
    const where = this.core.references.known(reference);
    if (!where || this.core.references.isPendingMove(where.appointmentId)) return undefined;
    const state = await this.core.calendar(where.officeId, where.date);
    const appointment = state.status === 'open' ? state.appointments[where.appointmentId] : undefined;
    const office = findOffice(this.core.catalog, where.officeId);
    return appointment?.status === 'awaiting_activation' && office ? ok({ appointment, office }) : undefined;
  }

  /**
   * Finds the appointment by reference: index → calendar, refreshing both once if either is behind. A move
   * to another day left half done (crash) is finished first, so every read and change sees one appointment.
   */
  private async locate(reference: string): Reply<{ appointment: Appointment; office: Office }> {
    const found = await this.lookup(reference);
    if (!found.ok || found.value.appointment.status !== 'booked' || !this.core.references.isPendingMove(found.value.appointment.appointmentId)) return found;
    await this.moves.finish(found.value.appointment, { correlationId: `recover-${reference}`, actor: 'system' });
    return this.lookup(reference);
  }

  private async lookup(reference: string): Reply<{ appointment: Appointment; office: Office }> {
    for (const refresh of [false, true]) {
      const where = await this.core.references.find(reference, { refresh });
      if (!where) continue;
      const state = await this.core.latestCalendar(where.officeId, where.date);
      const appointment = state.status === 'open' ? state.appointments[where.appointmentId] : undefined;
      const office = findOffice(this.core.catalog, where.officeId);
      // A source left by a move to another day means this instance's index is behind: read on once.
      const movedAway = !refresh && appointment?.status === 'cancelled' && appointment.reason === 'rescheduled';
      if (appointment && office && !movedAway) return ok({ appointment, office });
    }
    return fail(unknownReference());
  }
}

function appointmentOfHold(state: Awaited<ReturnType<BookingCore['calendar']>>, holdId: string): Appointment | undefined {
  return state.status === 'open' ? Object.values(state.appointments).find((a) => a.holdId === holdId) : undefined;
}

/** `HBS-7K3Q9F`: office prefix and 8 random characters from a 32-letter alphabet (40 bits). */
function newReference(officeId: string): string {
  // Pooled CSPRNG bytes: randomBytes(8) was ≈ 11 µs a call, 1.2 % of the booking process's CPU under load.
  const bytes = freshRandomBytes(8);
  let code = '';
  for (const b of bytes) code += REFERENCE_ALPHABET[b % 32];
  return `${officeId.replace(/-/g, '').slice(0, 6).toUpperCase()}-${code}`;
}

const unknownReference = () => refuse.appointmentUnknown('(reference)');
const rangeTooLong = (): DomainError => ({ kind: 'invalid', code: 'invalid_range', message: 'Der Zeitraum muss 1 bis 62 Tage umfassen.', messageEn: 'The date range must cover 1 to 62 days.', details: { maxDays: 62 } });
