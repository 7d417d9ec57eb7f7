import type { Instant, LocalDate } from '../shared/local-time';
import type { FlowState } from './flow-state';
import type { FlowServiceLine, ServiceSegment } from './types';

/** Where a visit stands while events still come in. */
export type DraftStatus =
  | 'expected' | 'cancelled' | 'rescheduled' | 'waiting' | 'called' | 'serving' | 'parked' | 'served' | 'no_show';

/**
 * The mutable record behind one visit. It lives only inside a FlowState and is copied into a frozen
 * `Visit` by `flowVisits`, so no caller ever sees it change.
 */
export interface VisitDraft {
  readonly firstPosition: number;
  officeId: string;
  date: LocalDate;
  kind: 'booked' | 'walk_in';
  hadAppointment: boolean;
  late: boolean;
  ticketNumber: string | null;
  services: readonly FlowServiceLine[];
  servicesDone: readonly FlowServiceLine[] | null;
  bookedAt: Instant | null;
  appointmentAt: Instant | null;
  arrivedAt: Instant | null;
  arrivalPosition: number | null;
  calls: Instant[];
  counterId: string | null;
  transfers: number;
  segments: ServiceSegment[];
  openSegment: { counterId: string; from: Instant } | null;
  status: DraftStatus;
}

export function newDraft(firstPosition: number, officeId: string, date: LocalDate): VisitDraft {
  return {
    firstPosition, officeId, date, kind: 'booked', hadAppointment: false, late: false, ticketNumber: null,
    services: [], servicesDone: null, bookedAt: null, appointmentAt: null, arrivedAt: null, arrivalPosition: null, calls: [],
    counterId: null, transfers: 0, segments: [], openSegment: null, status: 'expected',
  };
}

/**
 * Service lines in a canonical order (by id), copied so the log's objects are never shared. Most
 * visits ask for one line: those come from `lines`, one frozen array per service and quantity shared
 * by every visit, so a replay keeps a few hundred line objects rather than several per visit.
 */
export function canonicalLines(lines: Map<string, Map<number, readonly FlowServiceLine[]>>, from: readonly FlowServiceLine[]): readonly FlowServiceLine[] {
  if (from.length !== 1) return sortedLines(from);
  const { serviceId, quantity } = from[0];
  let byQuantity = lines.get(serviceId);
  if (byQuantity === undefined) lines.set(serviceId, (byQuantity = new Map()));
  let shared = byQuantity.get(quantity);
  if (shared === undefined) byQuantity.set(quantity, (shared = Object.freeze([Object.freeze({ serviceId, quantity })])));
  return shared;
}

/** Service lines in a canonical order (by id), copied so the log's objects are never shared. */
export function sortedLines(lines: readonly FlowServiceLine[]): FlowServiceLine[] {
  return lines
    .map((l) => ({ serviceId: l.serviceId, quantity: l.quantity }))
    .sort((a, b) => (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : a.quantity - b.quantity));
}

/** Ends the running service stretch (completion, park, transfer, no-show). */
export function closeSegment(draft: VisitDraft, at: Instant): void {
  if (draft.openSegment === null) return;
  // Frozen once here, so visits can share the segment instead of copying it on every flowVisits call.
  draft.segments.push(Object.freeze({ counterId: draft.openSegment.counterId, from: draft.openSegment.from, until: at }));
  draft.openSegment = null;
}

/** One office-day the queue events came from, with the latest queue instant seen (it closes sessions never closed). */
export interface OfficeDay {
  readonly officeId: string;
  readonly date: LocalDate;
  readonly key: string;
  lastQueueAt: Instant | null;
}

/** The visit of an appointment, created on its first event (a date-range replay may start mid-way). */
export function appointmentDraft(state: Pick<FlowState, 'byAppointment' | 'drafts'>, appointmentId: string, position: number, officeId: string, date: LocalDate): VisitDraft {
  let draft = state.byAppointment.get(appointmentId);
  if (draft === undefined) {
    draft = newDraft(position, officeId, date);
    draft.hadAppointment = true;
    state.byAppointment.set(appointmentId, draft);
    state.drafts.push(draft);
  }
  return draft;
}

