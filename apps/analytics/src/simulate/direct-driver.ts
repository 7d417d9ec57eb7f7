import {
  addDays, calendarDecider, calendarId, fromZoned, openingIntervals, queueCatalogView, queueDecider, queueId,
  type CalendarCommand, type CalendarContext, type CalendarEvent, type CalendarState, type Catalog, type Office,
  type QueueCommand, type QueueContext, type QueueEvent, type QueueState,
} from '@app/domain';
import { CommandHandler, uuidv7, type EventStore } from '@app/eventstore';
import type { DayPlan, PlannedAppointment } from './day-plan';

const MINUTE = 60_000;
const ZONE = 'Europe/Berlin';

/**
 * `--direct`: writes a planned day through the same path as the services — CommandHandler (read, fold,
 * decide, append with expected version) over the real calendar and queue deciders — but with a
 * simulated `now`, which the services never accept from a client. Refusals (a slot already full, a
 * late customer turned walk-in) are part of a realistic day and are counted, not fatal.
 */
export class DirectDriver {
  private readonly calendars: CommandHandler<CalendarCommand, CalendarEvent, CalendarState, CalendarContext>;
  private readonly queues: CommandHandler<QueueCommand, QueueEvent, QueueState, QueueContext>;
  private commands = 0;
  private readonly refusedBy: Record<string, number> = {};

  constructor(
    store: EventStore,
    private readonly catalog: Catalog,
    private readonly correlationId = `simulate-${uuidv7()}`,
  ) {
    this.calendars = new CommandHandler(store, calendarDecider, { aggregateType: 'calendar', cacheSize: 64 });
    this.queues = new CommandHandler(store, queueDecider, { aggregateType: 'queue', cacheSize: 64 });
  }

  async calendar(office: Office, date: string, command: CalendarCommand, now: number): Promise<readonly CalendarEvent[] | undefined> {
    this.commands += 1;
    const ctx = { now, catalog: this.catalog, newId: uuidv7 };
    const r = await this.calendars.handle(calendarId(office.id, date), command, () => ctx, { meta: this.meta(), occurredAt: new Date(now) });
    if (!r.ok) this.refuse(r.error.code);
    return r.ok ? r.value.events : undefined;
  }

  async queue(office: Office, date: string, command: QueueCommand, now: number): Promise<readonly QueueEvent[] | undefined> {
    this.commands += 1;
    const view = queueCatalogView(
      this.catalog.services.map((s) => ({ serviceId: s.id, minutes: s.minutes, walkInAllowed: s.walkInAllowed })),
      office.counters.map((c) => ({ counterId: c.id, serviceIds: c.services })),
    );
    const r = await this.queues.handle(queueId(office.id, date), command, () => ({ now, catalog: view, newId: uuidv7 }), { meta: this.meta(), occurredAt: new Date(now) });
    if (!r.ok) this.refuse(r.error.code);
    return r.ok ? r.value.events : undefined;
  }

  counts(): { commands: number; refused: number; refusedBy: Readonly<Record<string, number>> } {
    const refused = Object.values(this.refusedBy).reduce((sum, n) => sum + n, 0);
    return { commands: this.commands, refused, refusedBy: { ...this.refusedBy } };
  }

  private refuse(code: string): void {
    this.refusedBy[code] = (this.refusedBy[code] ?? 0) + 1;
  }

  private meta() {
    return { correlationId: this.correlationId, actor: 'simulator' };
  }
}

export interface BookedAppointment {
  readonly plan: PlannedAppointment;
  readonly appointmentId: string;
  readonly reference: string;
  readonly startsAt: number;
}

/** Books the day's appointments in the order citizens would have booked them (and cancels some). */
export async function bookDay(driver: DirectDriver, office: Office, date: string, plan: DayPlan, seq: { n: number }): Promise<BookedAppointment[]> {
  const actions = plan.appointments.map((a) => ({ a, at: fromZoned(addDays(date, -a.bookedDaysBefore), '10:00', ZONE) + (seq.n++ % 400) * MINUTE }));
  actions.sort((x, y) => x.at - y.at);
  const booked: BookedAppointment[] = [];
  for (const { a, at } of actions) {
    const services = [{ serviceId: a.serviceId, quantity: 1 }];
    const held = await driver.calendar(office, date, { type: 'PlaceHold', data: { officeId: office.id, date, start: a.start, services } }, at);
    const hold = held?.find((e) => e.type === 'HoldPlaced');
    if (hold === undefined) continue;
    const reference = `SIM-${String(seq.n++).padStart(6, '0')}`;
    const token = `sim-token-${reference}`;
    const contact = { reference, sealedContact: null, contactKey: `sim-${reference}`, language: 'de' as const, activationTokenHash: token };
    const requested = await driver.calendar(office, date, { type: 'SubmitContact', data: { holdId: hold.data.holdId, ...contact } }, at + MINUTE);
    const made = requested?.find((e) => e.type === 'AppointmentRequested' || e.type === 'AppointmentBooked');
    if (made === undefined) continue;
    const appointmentId = made.data.appointmentId;
    if (made.type === 'AppointmentRequested') await driver.calendar(office, date, { type: 'Activate', data: { appointmentId, tokenHash: token } }, at + 2 * MINUTE);
    if (a.cancelled) {
      await driver.calendar(office, date, { type: 'Cancel', data: { appointmentId, reason: 'citizen_request', by: 'citizen' } }, fromZoned(addDays(date, -1), '12:00', ZONE));
      continue;
    }
    booked.push({ plan: a, appointmentId, reference, startsAt: made.data.startsAt });
  }
  return booked;
}

export { openingIntervals };
