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
  /** Empty until the first call, then an array of exactly one (see `addCall`). */
  calls: Instant[];
  counterId: string | null;
  transfers: number;
  /** Empty until the first segment closes, then an array of exactly one (see `closeSegment`). */
  segments: ServiceSegment[];
  /** The running service stretch, kept in two fields rather than an object per stretch; null counter = none. */
  openCounterId: string | null;
  openFrom: Instant | null;
  status: DraftStatus;
}

export function newDraft(firstPosition: number, officeId: string, date: LocalDate): VisitDraft {
  return {
    firstPosition, officeId, date, kind: 'booked', hadAppointment: false, late: false, ticketNumber: null,
    services: [], servicesDone: null, bookedAt: null, appointmentAt: null, arrivedAt: null, arrivalPosition: null, calls: [],
    counterId: null, transfers: 0, segments: [], openCounterId: null, openFrom: null, status: 'expected',
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

/*
 * A draft lives until the replay ends (hundreds of thousands in a year's replay), and `push` onto an
 * empty array reserves room for 17 elements: most visits have one call and one segment, so the first
 * of each is a one-element array. With the stretch in two fields this cut the retained state from
 * 688 to 463 bytes per visit (300k events, 70k visits), which the young-generation GC copies twice.
 */

/** Records a call or recall. */
export function addCall(draft: VisitDraft, at: Instant): void {
  if (draft.calls.length === 0) draft.calls = [at];
  else draft.calls.push(at);
}

/** Starts a service stretch at a counter (ServiceStarted, or a completion whose start was missed). */
export function openSegment(draft: VisitDraft, counterId: string, from: Instant): void {
  draft.openCounterId = counterId;
  draft.openFrom = from;
}

/** Ends the running service stretch (completion, park, transfer, no-show). */
export function closeSegment(draft: VisitDraft, at: Instant): void {
  if (draft.openCounterId === null) return;
  // Frozen once here, so visits can share the segment instead of copying it on every flowVisits call.
  const segment = Object.freeze({ counterId: draft.openCounterId, from: draft.openFrom as Instant, until: at });
  if (draft.segments.length === 0) draft.segments = [segment];
  else draft.segments.push(segment);
  draft.openCounterId = null;
  draft.openFrom = null;
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

