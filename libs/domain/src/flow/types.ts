import type { Instant, LocalDate } from '../shared/local-time';

/**
 * Input of the customer-flow projection: any event from the log, as `{ type, data, position }`.
 * `position` is the global order (stream sequence). `aggregateId` (`<officeId>-<YYYY-MM-DD>`, from the
 * envelope) tells which office a queue event belongs to: queue events do not name their office.
 * Events of other types (contact, notifications, holds) are ignored.
 */
export interface FlowEvent {
  readonly type: string;
  readonly data: unknown;
  readonly position: number;
  readonly aggregateId?: string;
}

export interface FlowServiceLine {
  readonly serviceId: string;
  readonly quantity: number;
}

/**
 * How a visit ended:
 * - `served`: service completed;
 * - `no_show`: a ticket called (or parked) whose customer did not come to the counter;
 * - `not_arrived`: a booked appointment nobody checked in for (an appointment no-show once its day is over);
 * - `cancelled`: appointment cancelled (not moved); `rescheduled`: moved to another day (the new day
 *   has its own visit);
 * - `transferred`: the ticket was last sent to other services or another counter and not finished that day;
 * - `unfinished`: still waiting, called or parked when the log ends.
 */
export type VisitOutcome = 'served' | 'no_show' | 'not_arrived' | 'cancelled' | 'rescheduled' | 'transferred' | 'unfinished';

/** One stretch of service at one counter (a transfer or park ends it). */
export interface ServiceSegment {
  readonly counterId: string;
  readonly from: Instant;
  readonly until: Instant;
}

/**
 * One visit: a ticket, an appointment, or both linked by the appointment id. No personal data: no
 * names, contact keys, booking references or internal ids; `visitId` is `<officeId>-<date>-<position
 * of the visit's first event>` and is stable across replays.
 */
export interface Visit {
  readonly visitId: string;
  readonly officeId: string;
  /** Berlin day of the appointment, or of arrival for a walk-in. */
  readonly date: LocalDate;
  /** The line the citizen stood in: `booked` ticket, or `walk_in` (incl. late for an appointment). An appointment without a ticket counts as `booked`. */
  readonly kind: 'booked' | 'walk_in';
  readonly hadAppointment: boolean;
  /** Came more than the tolerance late and was turned into a walk-in. */
  readonly lateForAppointment: boolean;
  readonly ticketNumber: string | null;
  /** Services asked for (at booking, or at the ticket), sorted by service id. */
  readonly services: readonly FlowServiceLine[];
  /** What was done at completion (null unless served). */
  readonly servicesDone: readonly FlowServiceLine[] | null;
  readonly bookedAt: Instant | null;
  readonly appointmentAt: Instant | null;
  readonly arrivedAt: Instant | null;
  /** Log position of the arrival (check-in or ticket): the queue's order among arrivals at the same instant. */
  readonly arrivalPosition: number | null;
  /** Every call, recalls included, in order. */
  readonly calls: readonly Instant[];
  readonly servedFrom: Instant | null;
  readonly servedUntil: Instant | null;
  /** Counter of the last service segment (or of the last call). */
  readonly counterId: string | null;
  readonly transfers: number;
  readonly segments: readonly ServiceSegment[];
  readonly outcome: VisitOutcome;
  /**
   * First call minus the moment the office owed service: arrival for a walk-in, the later of arrival
   * and appointment time for a booked ticket (coming early is not waiting the office caused). Never
   * negative; null when never called. Minutes, two decimals.
   */
  readonly waitingMinutes: number | null;
  /** Sum of the service segments, minutes, two decimals; null when never served. */
  readonly serviceMinutes: number | null;
}

/** A counter open from `openedAt` to `closedAt` (the day's last queue event when never closed). */
export interface CounterSession {
  readonly officeId: string;
  readonly date: LocalDate;
  readonly counterId: string;
  readonly openedAt: Instant;
  readonly closedAt: Instant;
}

/** Inclusive range of Berlin days; `officeId` narrows to one office. */
export interface FlowPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly officeId?: string;
}

/**
 * A distribution with a histogram: `counts[0]` are values below `edges[0]`, `counts[i]` those in
 * `[edges[i-1], edges[i])`, the last those at or above the last edge. Empty: count 0, stats null.
 */
export interface FlowDistribution {
  readonly count: number;
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

export interface CounterUtilisation {
  readonly officeId: string;
  readonly date: LocalDate;
  readonly counterId: string;
  readonly openMinutes: number;
  readonly servingMinutes: number;
  /** servingMinutes / openMinutes, 3 decimals (null when never open). */
  readonly utilisation: number | null;
}

/** Plain JSON with a fixed key order and rounded numbers: its serialisation is byte-identical across runs. */
export interface FlowFigures {
  readonly period: { readonly from: LocalDate; readonly to: LocalDate; readonly officeId: string | null };
  readonly visits: {
    readonly total: number;
    readonly booked: number;
    readonly walkIn: number;
    readonly outcomes: Readonly<Record<VisitOutcome, number>>;
  };
  /** 7 rows (Monday … Sunday) × 24 columns (Berlin hour): arrivals. */
  readonly arrivalsByWeekdayHour: readonly (readonly number[])[];
  readonly waitingMinutes: { readonly booked: FlowDistribution; readonly walkIn: FlowDistribution };
  /** Minutes per unit of service, from served visits with a single service line; keys sorted. */
  readonly serviceMinutesPerUnit: Readonly<Record<string, FlowDistribution>>;
  readonly rates: {
    /** Appointments (not cancelled or moved) nobody came for or who did not come to the counter. */
    readonly appointmentNoShow: number | null;
    /** Cancelled appointments among all appointments not moved to another day. */
    readonly appointmentCancellation: number | null;
    /** Walk-in tickets whose customer did not come to the counter. */
    readonly walkInNoShow: number | null;
  };
  /** Arrival minus appointment time, minutes (negative = early), appointments checked in. */
  readonly punctualityMinutes: FlowDistribution;
  /** Appointment time minus booking time, days. */
  readonly leadTimeDays: FlowDistribution;
  readonly counterUtilisation: readonly CounterUtilisation[];
}

/** One arrival the what-if replays. */
export interface WhatIfArrival {
  readonly visitId: string;
  readonly kind: 'booked' | 'walk_in';
  readonly arrivedAt: Instant;
  /** Orders arrivals at the same instant as the recorded queue did. */
  readonly arrivalPosition: number;
  /** Booked tickets only. */
  readonly appointmentAt: Instant | null;
  readonly services: readonly FlowServiceLine[];
  readonly priority: number;
  /** Recorded counter time (service minutes, or call → no-show), null when unknown. */
  readonly recordedServiceMinutes: number | null;
  readonly recordedWaitMinutes: number | null;
}

export interface WhatIfCounter {
  readonly counterId: string;
  readonly serviceIds: readonly string[];
}

export interface WhatIfOptions {
  /** A number of counters that handle every service, or explicit counters. */
  readonly counters: number | readonly WhatIfCounter[];
  /** Minutes per unit of each service, for arrivals without a recorded service time (or all, see below). */
  readonly serviceTimes: Readonly<Record<string, number>>;
  /** Default true: a visit keeps its recorded counter time; false uses `serviceTimes` for everyone. */
  readonly useRecordedServiceTimes?: boolean;
  /** Share of arrivals (0…1) that come with an appointment; the rest are walk-ins. */
  readonly onlineShare?: number;
  /** K of the call policy etc.; defaults to DEFAULT_QUEUE_RULES. */
  readonly passOverLimit?: number;
  readonly earlyGraceMinutes?: number;
  /** Counter time when neither recorded nor in serviceTimes. Default 10. */
  readonly defaultServiceMinutes?: number;
}

export interface WhatIfVisit {
  readonly visitId: string;
  readonly kind: 'booked' | 'walk_in';
  readonly arrivedAt: Instant;
  readonly recordedWaitMinutes: number | null;
  /** Null when the simulated day could not serve it (no counter handles its services). */
  readonly predictedWaitMinutes: number | null;
  readonly counterId: string | null;
}

export interface WaitSummary {
  readonly count: number;
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

export interface WhatIfResult {
  readonly counters: number;
  readonly onlineShare: number | null;
  readonly visits: readonly WhatIfVisit[];
  readonly recorded: { readonly all: WaitSummary; readonly booked: WaitSummary; readonly walkIn: WaitSummary };
  readonly predicted: { readonly all: WaitSummary; readonly booked: WaitSummary; readonly walkIn: WaitSummary };
  /** Arrivals no simulated counter could serve. */
  readonly unserved: number;
}
