import type { CalendarEvent } from '@app/domain';
import type { EventEnvelope, EventStore } from '@app/eventstore';

export interface AppointmentLocation {
  readonly officeId: string;
  readonly date: string;
  readonly appointmentId: string;
}

/**
 * Reference → where the appointment lives now (office, day, id), projected from calendar events. It is
 * only a way to FIND the calendar: every rule is then checked on that calendar aggregate itself.
 *
 * Pulled, not pushed: the index reads the log from its checkpoint whenever a lookup misses (or the caller
 * says the entry may be stale), up to the stream's end at that moment. That gives read-your-writes across
 * instances without a consumer per instance: a reference written anywhere before the lookup began is
 * found. Writes of this instance are applied at once through `record`.
 */
export class ReferenceIndex {
  private readonly byReference = new Map<string, AppointmentLocation>();
  /** Cross-day moves not finished yet (source not cancelled), by target appointment id; and target by source id. */
  private readonly moves = new Map<string, { target: AppointmentLocation; source: AppointmentLocation }>();
  private readonly targetOf = new Map<string, string>();
  private position = 0;
  private catchingUp: Promise<void> | undefined;

  constructor(private readonly store: EventStore) {}

  /** Where `reference` lives, reading the log up to its current end when it is not known yet. */
  async find(reference: string, options: { refresh?: boolean } = {}): Promise<AppointmentLocation | undefined> {
    if (!options.refresh) {
      const known = this.byReference.get(reference);
      if (known) return known;
    }
    await this.catchUp();
    return this.byReference.get(reference);
  }

  /** Where `reference` lives as far as this instance knows, without reading the log. */
  known(reference: string): AppointmentLocation | undefined {
    return this.byReference.get(reference);
  }

  /** Applies events this instance just wrote, so its own next lookup needs no read. */
  record(events: readonly CalendarEvent[]): void {
    for (const event of events) this.apply(event);
  }

  /** Reads new commits once; concurrent callers share one read, and a caller arriving late starts another. */
  async catchUp(): Promise<void> {
    const running = this.catchingUp;
    if (running) await running;
    const target = await this.store.lastPosition();
    if (target <= this.position) return;
    this.catchingUp ??= this.readTo(target).finally(() => (this.catchingUp = undefined));
    await this.catchingUp;
  }

  private async readTo(target: number): Promise<void> {
    for await (const envelope of this.store.readAll({ fromPosition: this.position + 1, toPosition: target, subjectFilter: 'calendar.*' })) {
      this.apply(toCalendarEvent(envelope));
    }
    this.position = Math.max(this.position, target);
  }

  /** Moves to another day whose target is booked but whose source the log does not show cancelled yet. */
  pendingMoves(): AppointmentLocation[] {
    return [...this.moves.values()].map((m) => m.target);
  }

  isPendingMove(appointmentId: string): boolean {
    return this.moves.has(appointmentId);
  }

  private apply(event: CalendarEvent): void {
    switch (event.type) {
      case 'AppointmentRequested':
        this.byReference.set(event.data.reference, { officeId: event.data.officeId, date: event.data.date, appointmentId: event.data.appointmentId });
        return;
      case 'AppointmentBooked': {
        const { reference, officeId, date, appointmentId, rescheduledFrom } = event.data;
        this.byReference.set(reference, { officeId, date, appointmentId });
        if (rescheduledFrom) {
          const source = { officeId, date: rescheduledFrom.date, appointmentId: rescheduledFrom.appointmentId };
          this.moves.set(appointmentId, { target: { officeId, date, appointmentId }, source });
          this.targetOf.set(rescheduledFrom.appointmentId, appointmentId);
        }
        return;
      }
      case 'AppointmentCancelled':
        this.cancelled(event.data.reference, event.data.appointmentId, event.data.reason);
        return;
      case 'HoldPlaced':
      case 'HoldExtended':
      case 'AppointmentRescheduled':
        return;
    }
  }

  /**
   * A cancel keeps the entry (the citizen may still look at it). A cross-day move re-points it with the
   * target's AppointmentBooked, written before the source is cancelled; the source's cancel then ends the
   * pending move. A target cancelled as `rescheduled` while the reference still points at it is a move
   * undone (see RescheduleProcess): the reference goes back to the source.
   */
  private cancelled(reference: string, appointmentId: string, reason: string): void {
    const target = this.targetOf.get(appointmentId);
    if (target !== undefined && reason === 'rescheduled') this.forget(target);
    const move = this.moves.get(appointmentId);
    if (!move) return;
    this.forget(appointmentId);
    if (reason === 'rescheduled' && this.byReference.get(reference)?.appointmentId === appointmentId) this.byReference.set(reference, move.source);
  }

  private forget(target: string): void {
    const move = this.moves.get(target);
    if (move) this.targetOf.delete(move.source.appointmentId);
    this.moves.delete(target);
  }
}

function toCalendarEvent(envelope: EventEnvelope): CalendarEvent {
  return { type: envelope.type, data: envelope.data } as CalendarEvent;
}
