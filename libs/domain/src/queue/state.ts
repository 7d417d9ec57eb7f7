import type { Instant } from '../shared/local-time';
import type { AppointmentRef, ServiceLine, TicketKind } from './events';

/** What a ticket is, whatever its status. */
export interface TicketFacts {
  readonly ticketId: string;
  readonly number: string;
  readonly kind: TicketKind;
  /** Order of joining the line; kept through park/unpark and transfer (a ticket keeps its place). */
  readonly seq: number;
  readonly services: readonly ServiceLine[];
  readonly priority: number;
  readonly issuedAt: Instant;
  /** Booked: start minus the early grace. Walk-in: the moment it was issued (always due). */
  readonly dueAt: Instant;
  readonly appointment?: AppointmentRef;
  readonly requestId?: string;
}

export type WaitingTicket = TicketFacts & {
  readonly status: 'waiting';
  /** When the current wait began. */
  readonly queuedAt: Instant;
  /** How many later-joined tickets were called ahead of it during this wait, at counters that could serve it. */
  readonly passedOver: number;
  /** Set by a transfer to a counter: only that counter may call it. */
  readonly targetCounterId?: string;
};

export type CalledTicket = TicketFacts & {
  readonly status: 'called';
  readonly counterId: string;
  readonly calls: number;
  readonly lastCalledAt: Instant;
};

export type ServingTicket = TicketFacts & { readonly status: 'serving'; readonly counterId: string; readonly startedAt: Instant };
export type ParkedTicket = TicketFacts & { readonly status: 'parked'; readonly counterId: string; readonly parkedAt: Instant };
export type CompletedTicket = TicketFacts & {
  readonly status: 'completed';
  readonly counterId: string;
  readonly servicesDone: readonly ServiceLine[];
  readonly completedAt: Instant;
};
export type NoShowTicket = TicketFacts & { readonly status: 'no_show'; readonly counterId?: string; readonly at: Instant };

/** A ticket's status decides which fields exist: a waiting ticket has no counter, a called one has exactly one. */
export type Ticket = WaitingTicket | CalledTicket | ServingTicket | ParkedTicket | CompletedTicket | NoShowTicket;
export type TicketStatus = Ticket['status'];
/** A ticket that occupies a counter. */
export type ActiveTicket = CalledTicket | ServingTicket;

export type Counter =
  | { readonly status: 'closed'; readonly counterId: string }
  | { readonly status: 'open'; readonly counterId: string; readonly serviceIds: readonly string[]; readonly openedAt: Instant };

export interface QueueState {
  readonly tickets: Readonly<Record<string, Ticket>>;
  readonly counters: Readonly<Record<string, Counter>>;
  readonly lastNumber: Readonly<Record<TicketKind, number>>;
  readonly lastSeq: number;
  /** appointmentId → ticketId: a check-in is idempotent by appointment. */
  readonly byAppointment: Readonly<Record<string, string>>;
  /** kiosk requestId → ticketId: a walk-in request is idempotent by its request id. */
  readonly byRequest: Readonly<Record<string, string>>;
}

export const initialQueueState: QueueState = Object.freeze({
  tickets: {},
  counters: {},
  lastNumber: { booked: 0, walk_in: 0 },
  lastSeq: 0,
  byAppointment: {},
  byRequest: {},
});

const PREFIX: Record<TicketKind, string> = { booked: 'T', walk_in: 'W' };

/** `T-012`, `W-004`; four digits once a day passes 999 tickets of a kind. */
export function ticketNumber(kind: TicketKind, n: number): string {
  return `${PREFIX[kind]}-${String(n).padStart(3, '0')}`;
}

export function nextTicketNumber(state: QueueState, kind: TicketKind): string {
  return ticketNumber(kind, state.lastNumber[kind] + 1);
}

/** Waiting tickets in order of joining the line. */
export function waitingTickets(state: QueueState): WaitingTicket[] {
  return Object.values(state.tickets)
    .filter((t): t is WaitingTicket => t.status === 'waiting')
    .sort((a, b) => a.seq - b.seq);
}

export function isActive(ticket: Ticket): ticket is ActiveTicket {
  return ticket.status === 'called' || ticket.status === 'serving';
}

/** The ticket a counter is busy with (called or serving), if any. */
export function activeTicketAt(state: QueueState, counterId: string): ActiveTicket | undefined {
  return Object.values(state.tickets).find((t): t is ActiveTicket => isActive(t) && t.counterId === counterId);
}

export function openCounters(state: QueueState): Extract<Counter, { status: 'open' }>[] {
  return Object.values(state.counters).filter((c): c is Extract<Counter, { status: 'open' }> => c.status === 'open');
}
