import { calendarRefusals as refuse, fail, ok, type Appointment, type DomainError, type LocalDate, type LocalTime, type Result } from '@app/domain';
import { uuidv7, type EventMeta } from '@app/eventstore';
import type { BookingCore } from './booking-core';

type Booked = Extract<Appointment, { status: 'booked' }>;
type Outcome = Result<Appointment, DomainError>;

/**
 * A move to another day spans two calendars and the contact, so it runs as a small process whose every
 * step is an event (see also `decideContact`):
 *
 *  1. `PlaceHold` on the target day (a fresh hold id; refused → nothing has changed);
 *  2. `ConfirmReschedule` on the target: an `AppointmentBooked` with `rescheduledFrom` and the same
 *     reference (the contact data is re-sealed under the new appointment id first, so shredding stays per
 *     appointment). Refused → nothing has changed; the hold runs out by itself. THIS IS THE COMMIT POINT:
 *     from here the reference points at the target, and the move is finished, not undone;
 *  3. `MoveAppointmentPlace` on the contact: the place follows the appointment (no spare place needed);
 *  4. `Cancel {reason: 'rescheduled'}` on the source.
 *
 * Steps 3 and 4 are repeat-safe, so `finish` can run any number of times. If step 4 is refused (the source
 * was cancelled for another reason meanwhile, or has started), the process compensates: it cancels the
 * target (reason `rescheduled`, by `system`), and moves the place back to the source when that still
 * stands, else releases it. The reference index then points back at the source.
 *
 * Crash recovery: a target booked but whose source still stands is a pending move (the reference index
 * lists them from the log). `BookingService` finishes it lazily when the appointment is looked up, and
 * `recoverMoves` finishes them all (called at start).
 */
export class RescheduleProcess {
  constructor(private readonly core: BookingCore) {}

  async move(source: Appointment, date: LocalDate, start: LocalTime, meta: EventMeta): Promise<Outcome> {
    const target = await this.book(source, date, start, meta);
    return target.ok ? this.finish(target.value, meta) : target;
  }

  /** Steps 1 and 2: the target appointment, booked and carrying the source's reference. */
  async book(source: Appointment, date: LocalDate, start: LocalTime, meta: EventMeta): Promise<Result<Booked, DomainError>> {
    if (source.status === 'cancelled') return fail(refuse.alreadyCancelled(source.appointmentId));
    if (source.status === 'awaiting_activation') return fail(refuse.notActivated(source.appointmentId));
    if (source.startsAt <= this.core.now()) return fail(refuse.alreadyStarted(source.appointmentId));
    const { officeId, services, reference, contactKey, language } = source;
    const holdId = uuidv7();
    const held = await this.core.onCalendar(officeId, date, { type: 'PlaceHold', data: { officeId, date, start, services, holdId } }, meta);
    if (!held.ok) return held;
    const appointmentId = uuidv7();
    const sealedContact = await this.reseal(source, appointmentId);
    const from = { date: source.date, appointmentId: source.appointmentId };
    const confirmed = await this.core.onCalendar(officeId, date, {
      type: 'ConfirmReschedule', data: { holdId, from, reference, sealedContact, contactKey, language },
    }, meta, () => appointmentId);
    if (!confirmed.ok) return confirmed;
    const state = confirmed.value.state;
    const target = state.status === 'open' ? state.appointments[appointmentId] : undefined;
    return target?.status === 'booked' ? ok(target) : fail(refuse.appointmentUnknown(appointmentId));
  }

  /** Steps 3 and 4, or the compensation; safe to repeat. Answers the appointment that stands afterwards. */
  async finish(target: Booked, meta: EventMeta): Promise<Outcome> {
    const from = target.rescheduledFrom;
    if (!from) return ok(target);
    const sourceDay = await this.core.latestCalendar(target.officeId, from.date);
    const source = sourceDay.status === 'open' ? sourceDay.appointments[from.appointmentId] : undefined;
    if (!source) return ok(target);
    await this.movePlace(source, target, meta);
    if (source.status === 'cancelled' && source.reason === 'rescheduled') return ok(target);
    const cancelled = await this.core.onCalendar(source.officeId, source.date, { type: 'Cancel', data: { appointmentId: source.appointmentId, reason: 'rescheduled', by: 'citizen' } }, meta);
    return cancelled.ok ? ok(target) : this.undo(source, target, meta, cancelled.error);
  }

  /** Finishes every move the log shows half done (a crash between steps 2 and 4). */
  async recoverMoves(meta: EventMeta): Promise<number> {
    await this.core.references.catchUp();
    let finished = 0;
    for (const pending of this.core.references.pendingMoves()) {
      const day = await this.core.latestCalendar(pending.officeId, pending.date);
      const target = day.status === 'open' ? day.appointments[pending.appointmentId] : undefined;
      if (target?.status !== 'booked' || target.startsAt <= this.core.now()) continue;
      await this.finish(target, meta);
      finished += 1;
    }
    return finished;
  }

  private async undo(source: Appointment, target: Booked, meta: EventMeta, why: DomainError): Promise<Outcome> {
    const undone = await this.core.onCalendar(target.officeId, target.date, { type: 'Cancel', data: { appointmentId: target.appointmentId, reason: 'rescheduled', by: 'system' } }, meta);
    if (!undone.ok) return undone;
    const place = await this.placeOf(source.contactKey, [target.appointmentId, source.appointmentId], source.holdId);
    if (source.status === 'cancelled') {
      await this.core.onContact(source.contactKey, { type: 'ReleaseAppointmentPlace', data: { contactKey: source.contactKey, placeId: place, reason: 'cancelled' } }, meta);
    } else {
      await this.movePlace(target, source, meta);
    }
    return fail(why);
  }

  private async movePlace(from: Appointment, to: Appointment, meta: EventMeta): Promise<void> {
    const placeId = await this.placeOf(to.contactKey, [from.appointmentId, to.appointmentId], from.holdId);
    await this.core.onContact(to.contactKey, {
      type: 'MoveAppointmentPlace', data: { contactKey: to.contactKey, placeId, appointmentId: to.appointmentId, officeId: to.officeId, date: to.date, endsAt: to.endsAt },
    }, meta);
  }

  /** The contact's place that belongs to one of these appointments (a moved appointment keeps its first place id). */
  async placeOf(contactKey: string, appointmentIds: readonly string[], fallback: string): Promise<string> {
    const { state } = await this.core.contacts.state(contactKey);
    const place = Object.values(state.places).find((p) => p.status === 'confirmed' && appointmentIds.includes(p.appointmentId));
    return place?.placeId ?? fallback;
  }

  private async reseal(source: Appointment, appointmentId: string): Promise<unknown> {
    const opened = await this.core.deps.vault.open(source.appointmentId, source.sealedContact);
    return opened.status === 'open' ? this.core.deps.vault.seal(appointmentId, opened.fields) : source.sealedContact;
  }
}
