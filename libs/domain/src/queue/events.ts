import type { DomainEvent } from '../shared/decider';
import type { Instant } from '../shared/local-time';

/**
 * Queue events are self-describing facts: each carries the ticket number, kind, services and the
 * instant `at`, so a waiting-room screen or the customer-flow projection can be built from the events
 * alone, without reading the aggregate.
 */
export type TicketKind = 'booked' | 'walk_in';

export interface ServiceLine {
  readonly serviceId: string;
  readonly quantity: number;
}

export interface AppointmentRef {
  readonly appointmentId: string;
  /** The booking reference the citizen shows (from the confirmation email). */
  readonly reference: string;
  readonly start: Instant;
}

/** Why a ticket was chosen; `fairness` means it had been passed over the limit K (see call-policy). */
export type CallReason = 'fairness' | 'booked_due' | 'walk_in' | 'booked_early' | 'manual';

interface TicketFacts {
  readonly ticketId: string;
  /** `T-012` (booked) or `W-004` (walk-in), per day and kind. */
  readonly number: string;
  readonly kind: TicketKind;
}

interface IssuedFacts extends TicketFacts {
  /** Order of joining the line; a ticket keeps it through park/unpark and transfer. */
  readonly seq: number;
  readonly services: readonly ServiceLine[];
  readonly priority: number;
  readonly at: Instant;
}

export type BookedCustomerCheckedIn = DomainEvent<
  'BookedCustomerCheckedIn',
  IssuedFacts & {
    readonly kind: 'booked';
    readonly appointment: AppointmentRef;
    /** From this instant the ticket is called ahead of walk-ins (start minus the early grace). */
    readonly dueAt: Instant;
    /** Positive when the customer came early, negative when late (within the tolerance). */
    readonly minutesEarly: number;
  }
>;

export type WalkInTicketIssued = DomainEvent<
  'WalkInTicketIssued',
  IssuedFacts & {
    readonly kind: 'walk_in';
    readonly reason: 'walk_in' | 'late_for_appointment';
    /** Present when a booked customer came too late and was turned into a walk-in. */
    readonly appointment?: AppointmentRef & { readonly minutesLate: number };
    /** The kiosk's request id; a repeated request with the same id issues no second ticket. */
    readonly requestId?: string;
  }
>;

export type CounterOpened = DomainEvent<'CounterOpened', { readonly counterId: string; readonly serviceIds: readonly string[]; readonly at: Instant }>;

export type CounterServicesChanged = DomainEvent<
  'CounterServicesChanged',
  { readonly counterId: string; readonly serviceIds: readonly string[]; readonly previousServiceIds: readonly string[]; readonly at: Instant }
>;

export type CounterClosed = DomainEvent<
  'CounterClosed',
  {
    readonly counterId: string;
    /** Waiting tickets that had been transferred to this counter go back to the general line. */
    readonly releasedTicketIds: readonly string[];
    readonly at: Instant;
  }
>;

export type TicketCalled = DomainEvent<
  'TicketCalled',
  TicketFacts & {
    readonly services: readonly ServiceLine[];
    readonly priority: number;
    readonly counterId: string;
    readonly reason: CallReason;
    /** Callable tickets that joined earlier, could be served here, and were passed over by this call. */
    readonly passedOver: readonly string[];
    /** When this ticket's current wait began (joined, unparked or transferred). */
    readonly queuedAt: Instant;
    readonly at: Instant;
  }
>;

export type TicketRecalled = DomainEvent<
  'TicketRecalled',
  TicketFacts & { readonly counterId: string; readonly call: number; readonly at: Instant }
>;

export type TicketParked = DomainEvent<'TicketParked', TicketFacts & { readonly counterId: string; readonly at: Instant }>;

export type TicketUnparked = DomainEvent<'TicketUnparked', TicketFacts & { readonly at: Instant }>;

export type TicketTransferred = DomainEvent<
  'TicketTransferred',
  TicketFacts & {
    readonly fromCounterId?: string;
    readonly fromServices: readonly ServiceLine[];
    readonly services: readonly ServiceLine[];
    /** When set, only this counter may call the ticket. */
    readonly toCounterId?: string;
    readonly at: Instant;
  }
>;

export type ServiceStarted = DomainEvent<
  'ServiceStarted',
  TicketFacts & { readonly counterId: string; readonly services: readonly ServiceLine[]; readonly at: Instant }
>;

export type ServiceCompleted = DomainEvent<
  'ServiceCompleted',
  TicketFacts & {
    readonly counterId: string;
    readonly servicesRequested: readonly ServiceLine[];
    /** What was actually done (may differ: a document was missing, a second passport was added). */
    readonly servicesDone: readonly ServiceLine[];
    readonly startedAt: Instant;
    readonly at: Instant;
  }
>;

export type TicketNoShow = DomainEvent<
  'TicketNoShow',
  TicketFacts & {
    readonly counterId?: string;
    readonly calls: number;
    readonly reason: 'max_calls' | 'marked';
    readonly at: Instant;
  }
>;

export type QueueEvent =
  | BookedCustomerCheckedIn
  | WalkInTicketIssued
  | CounterOpened
  | CounterServicesChanged
  | CounterClosed
  | TicketCalled
  | TicketRecalled
  | TicketParked
  | TicketUnparked
  | TicketTransferred
  | ServiceStarted
  | ServiceCompleted
  | TicketNoShow;

export type QueueEventType = QueueEvent['type'];
