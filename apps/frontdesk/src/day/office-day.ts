import type { CounterView, DisplayCall, DisplayState, PublicTicketView, StaffState, StaffTicketView } from '@app/contracts';
import {
  estimateWait, evolveQueue, initialQueueState, openCounters, activeTicketAt, serviceMinutes, waitingTickets,
  canServe, type CalendarEvent, type MailEvent, type QueueEvent, type QueueState, type Ticket,
} from '@app/domain';
import type { OfficeCatalog } from '../queue/office-catalog';
import { emailFailureOf, evolveEmailOutcomes, type EmailOutcomes } from './email-failures';
import { evolveExpectedByCalendar, evolveExpectedByQueue, expectedView, type ExpectedAppointments } from './expected-appointments';

/** One commit of an aggregate as the day needs it: its events and its place in the log (= version). */
export interface DayCommit {
  readonly version: number;
  readonly events: readonly { readonly id: string; readonly type: string; readonly data: unknown }[];
}

const MAX_CALLS_SHOWN = 10;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The live picture of one office on one day, folded from the queue, calendar and mail aggregates'
 * events (mail: which appointment's email was not delivered, for staff only). Each side remembers the version (stream sequence) it has seen, so an event
 * delivered twice (load + tail overlap, redelivery) is applied once. Views are derived on demand.
 */
export class OfficeDay {
  queue: QueueState = initialQueueState;
  queueVersion = 0;
  calendarVersion = 0;
  mailVersion = 0;
  emailOutcomes: EmailOutcomes = new Map();
  expected: ExpectedAppointments = new Map();
  calls: readonly DisplayCall[] = [];

  constructor(
    readonly officeId: string,
    readonly date: string,
    private readonly catalog: OfficeCatalog,
  ) {}

  /** Applies one commit of the queue aggregate; false when it was already seen (load and tail overlap). */
  applyQueue(commit: DayCommit): boolean {
    if (commit.version <= this.queueVersion) return false;
    for (const event of commit.events) {
      const e = { type: event.type, data: event.data } as QueueEvent;
      this.queue = evolveQueue(this.queue, e);
      this.expected = evolveExpectedByQueue(this.expected, e);
      this.recordCall(event.id, e);
    }
    this.queueVersion = commit.version;
    return true;
  }

  applyCalendar(commit: DayCommit): boolean {
    if (commit.version <= this.calendarVersion) return false;
    for (const event of commit.events) {
      this.expected = evolveExpectedByCalendar(this.expected, { type: event.type, data: event.data } as CalendarEvent);
    }
    // The two aggregates are read separately: a check-in may be folded before its booking was known.
    this.expected = Object.values(this.queue.tickets).reduce((acc, t) => markCheckedIn(acc, t), this.expected);
    this.calendarVersion = commit.version;
    return true;
  }

  /** Applies one commit of the day's `mail` aggregate (email outcomes recorded by notifications). */
  applyMail(commit: DayCommit): boolean {
    if (commit.version <= this.mailVersion) return false;
    for (const event of commit.events) {
      this.emailOutcomes = evolveEmailOutcomes(this.emailOutcomes, { type: event.type, data: event.data } as MailEvent);
    }
    this.mailVersion = commit.version;
    return true;
  }

  /** All three versions are positions in one stream, so their maximum only grows. */
  get staffSeq(): number {
    return Math.max(this.queueVersion, this.calendarVersion, this.mailVersion);
  }

  displayState(now: number): DisplayState {
    const waiting = waitingTickets(this.queue);
    return {
      seq: this.queueVersion, officeId: this.officeId, date: this.date, calls: this.calls,
      waitingCount: waiting.length, estimatedWaitMinutes: this.newcomerEstimate(now),
    };
  }

  staffState(now: number): StaffState {
    const tickets = Object.values(this.queue.tickets).sort((a, b) => a.seq - b.seq).map((t) => this.ticketView(t, now));
    const expected = [...this.expected.values()].sort((a, b) => a.startsAt - b.startsAt)
      .map((a) => expectedView(a, emailFailureOf(this.emailOutcomes, a.appointmentId)));
    return { seq: this.staffSeq, officeId: this.officeId, date: this.date, tickets, counters: this.counterViews(), expected };
  }

  publicTicket(ticketId: string, now: number): PublicTicketView | undefined {
    const t = this.queue.tickets[ticketId];
    if (t === undefined) return undefined;
    const estimate = estimateWait(this.queue, ticketId, now, this.catalog.queue);
    const counterId = 'counterId' in t ? t.counterId : undefined;
    return {
      seq: this.queueVersion, number: t.number, status: t.status,
      ...(estimate.status === 'estimated' ? { ahead: estimate.ahead, estimatedWaitMinutes: estimate.minutes } : {}),
      ...(counterId ? { counterId, counterName: this.catalog.counterNames[counterId]?.de ?? counterId } : {}),
    };
  }

  /**
   * `queue` defaults to this live view's state; a command reply passes the state the command was just
   * decided on, because the view follows the log and may not have seen the commit yet.
   */
  ticketView(t: Ticket, now: number, queue: QueueState = this.queue): StaffTicketView {
    const base = {
      ticketId: t.ticketId, number: t.number, kind: t.kind, status: t.status, services: t.services, priority: t.priority,
      issuedAt: iso(t.issuedAt), dueAt: iso(t.dueAt),
      ...(t.appointment ? { appointment: { reference: t.appointment.reference, start: iso(t.appointment.start) } } : {}),
    };
    switch (t.status) {
      case 'waiting': {
        const estimate = estimateWait(queue, t.ticketId, now, this.catalog.queue);
        const waitedMinutes = Math.max(0, Math.floor((now - t.queuedAt) / MINUTE));
        return { ...base, waitedMinutes, ...(estimate.status === 'estimated' ? { estimatedWaitMinutes: estimate.minutes } : {}) };
      }
      case 'called': return { ...base, counterId: t.counterId, calls: t.calls };
      case 'no_show': return { ...base, ...(t.counterId ? { counterId: t.counterId } : {}) };
      default: return { ...base, counterId: t.counterId };
    }
  }

  private counterViews(): CounterView[] {
    return this.catalog.office.counters.map((c) => {
      const state = this.queue.counters[c.id];
      const active = activeTicketAt(this.queue, c.id);
      const open = state?.status === 'open';
      return {
        counterId: c.id, name: c.name, status: open ? 'open' : 'closed', serviceIds: open ? state.serviceIds : c.services,
        ...(active ? { currentTicket: active.number } : {}),
      };
    });
  }

  /** Work waiting for the open counters (plus what they are busy with), shared among them. */
  private newcomerEstimate(now: number): number | null {
    const counters = openCounters(this.queue);
    if (counters.length === 0) return null;
    const waiting = waitingTickets(this.queue).filter((t) => counters.some((c) => canServe(c, t)));
    const work = waiting.reduce((sum, t) => sum + serviceMinutes(t.services, this.catalog.queue), 0);
    const busy = counters.reduce((sum, c) => {
      const active = activeTicketAt(this.queue, c.counterId);
      if (active === undefined) return sum;
      const total = serviceMinutes(active.services, this.catalog.queue);
      return sum + (active.status === 'serving' ? Math.max(0, total - (now - active.startedAt) / MINUTE) : total);
    }, 0);
    return Math.ceil((work + busy) / counters.length);
  }

  private recordCall(eventId: string, e: QueueEvent): void {
    if (e.type !== 'TicketCalled' && e.type !== 'TicketRecalled') return;
    const call: DisplayCall = {
      callId: eventId, ticket: e.data.number, counter: e.data.counterId,
      counterName: this.catalog.counterNames[e.data.counterId]?.de ?? e.data.counterId, at: iso(e.data.at), recall: e.type === 'TicketRecalled',
    };
    this.calls = [call, ...this.calls].slice(0, MAX_CALLS_SHOWN);
  }
}

function markCheckedIn(expected: ExpectedAppointments, t: Ticket): ExpectedAppointments {
  if (t.appointment === undefined) return expected;
  const previous = expected.get(t.appointment.appointmentId);
  if (previous === undefined || previous.status === 'checked_in') return expected;
  return new Map(expected).set(t.appointment.appointmentId, { ...previous, status: 'checked_in', ticketNumber: t.number });
}
