import type { Instant } from '../shared/local-time';
import type { CallReason, ServiceLine } from './events';
import type { WaitingTicket } from './state';

/** The part of a counter the policy looks at. */
export interface CounterView {
  readonly counterId: string;
  readonly serviceIds: readonly string[];
}

export interface CallPolicyParams {
  /** K: how many later-joined tickets may be called ahead of a callable ticket. */
  readonly passOverLimit: number;
}

export interface CallPick {
  readonly ticket: WaitingTicket;
  readonly reason: Exclude<CallReason, 'manual'>;
  /** Callable tickets that joined earlier than the pick and that this counter could serve. */
  readonly passedOver: readonly string[];
}

/** A counter handles a set of services when it handles every one of them. */
export function handlesServices(counter: CounterView, services: readonly ServiceLine[]): boolean {
  return services.every((s) => counter.serviceIds.includes(s.serviceId));
}

/** A counter can serve a ticket when it handles all its services and the ticket is not reserved for another counter. */
export function canServe(counter: CounterView, ticket: WaitingTicket): boolean {
  if (ticket.targetCounterId !== undefined && ticket.targetCounterId !== counter.counterId) return false;
  return handlesServices(counter, ticket.services);
}

/** Walk-ins are callable at once; a booked ticket from its due time (appointment start minus the grace). */
export function isCallable(ticket: WaitingTicket, now: Instant): boolean {
  return ticket.kind === 'walk_in' || now >= ticket.dueAt;
}

const TIER: Record<Exclude<CallReason, 'manual'>, number> = { fairness: 0, booked_due: 1, walk_in: 2, booked_early: 3 };

/** The class a waiting ticket is in at `now`, which is also the reason it would be called. */
export function callClass(ticket: WaitingTicket, now: Instant, params: CallPolicyParams): CallPick['reason'] {
  if (!isCallable(ticket, now)) return 'booked_early';
  if (ticket.passedOver >= params.passOverLimit) return 'fairness';
  return ticket.kind === 'booked' ? 'booked_due' : 'walk_in';
}

/**
 * Order of calling at `now`: negative when `a` goes before `b`. Within a class: `fairness` strictly by
 * order of joining; booked tickets by priority (higher first), then appointment start; walk-ins by
 * priority, then order of joining. Ties end on the joining order, so the order is total.
 */
export function compareForCall(a: WaitingTicket, b: WaitingTicket, now: Instant, params: CallPolicyParams): number {
  const classA = callClass(a, now, params);
  const classB = callClass(b, now, params);
  if (classA !== classB) return TIER[classA] - TIER[classB];
  if (classA === 'fairness') return a.seq - b.seq;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (classA !== 'walk_in' && a.dueAt !== b.dueAt) return a.dueAt - b.dueAt;
  return a.seq - b.seq;
}

/**
 * The call policy: which waiting ticket a counter calls next.
 *
 * Among the waiting tickets this counter can serve (it handles all their services; a ticket transferred
 * to a counter is served only there):
 *   1. **fairness** – a callable ticket that has been passed over K times (`passOverLimit`) goes first,
 *      the earliest-joined of them first;
 *   2. **booked_due** – booked customers whose due time has come, higher priority level first, then in
 *      appointment order;
 *   3. **walk_in** – walk-ins (including late bookings turned walk-in), higher priority level first,
 *      then first come, first served;
 *   4. **booked_early** – only when nothing above is waiting here, a booked customer who came early, in
 *      appointment order (an idle counter serves them rather than wait; this passes nobody over).
 * Priority raises a ticket within its class only: it never jumps a due appointment or a fairness call.
 *
 * "Passed over": a call at counter C of ticket X passes over every callable ticket Y that C could serve
 * and that joined the line before X (`Y.seq < X.seq`). Each such call adds one to Y's count.
 *
 * **Bound.** During one wait, a callable ticket (every walk-in, and a booked ticket once due) is passed
 * over by at most K later-joined tickets at `CallNext`. Proof: while Y's count is below K, a pass-over
 * adds one; once it is K, Y is in class 1 at every counter that can serve it, and class 1 is served
 * earliest-joined first, so whatever such a counter calls joined no later than Y — nobody passes it.
 * Hence, as long as at least one open counter that can serve Y keeps calling, Y is called after at most
 * (tickets that joined before Y and are still waiting or come back to the line) + K calls at such
 * counters. A counter that cannot serve Y never delays it. If no counter that can serve Y is open, no
 * bound can hold; the wait estimate reports that case. Manual `CallTicket` calls are staff overrides:
 * they count as pass-overs too (so they bring the fairness call sooner) but are not bounded by the rule.
 */
export function pickNext(
  waiting: readonly WaitingTicket[],
  counter: CounterView,
  now: Instant,
  params: CallPolicyParams,
): CallPick | undefined {
  const servable = waiting.filter((t) => canServe(counter, t));
  if (servable.length === 0) return undefined;
  const ticket = servable.reduce((best, t) => (compareForCall(t, best, now, params) < 0 ? t : best));
  return { ticket, reason: callClass(ticket, now, params), passedOver: passedOverBy(waiting, ticket.seq, counter, now) };
}

/** The tickets a call of the ticket with `calledSeq` at this counter passes over (see `pickNext`). */
export function passedOverBy(waiting: readonly WaitingTicket[], calledSeq: number, counter: CounterView, now: Instant): string[] {
  return waiting
    .filter((t) => t.seq < calledSeq && isCallable(t, now) && canServe(counter, t))
    .map((t) => t.ticketId);
}
