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
    services: [], servicesDone: null, bookedAt: null, appointmentAt: null, arrivedAt: null, calls: [],
    counterId: null, transfers: 0, segments: [], openSegment: null, status: 'expected',
  };
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
  draft.segments.push({ counterId: draft.openSegment.counterId, from: draft.openSegment.from, until: at });
  draft.openSegment = null;
}

export interface OfficeDay {
  readonly officeId: string;
  readonly date: LocalDate;
  readonly key: string;
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

