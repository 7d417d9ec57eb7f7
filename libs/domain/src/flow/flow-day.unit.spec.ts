import { evolveFlowBatch, initialFlowState } from './flow-state';
import { flowFigures } from './flow-figures';
import { flowCounterSessions, flowStateFigures, flowVisits } from './flow-visits';
import { AGGREGATE, DAY, DATE, MIN, at, booked, cancelled, line, positioned } from './flow.test-kit';
import type { Visit } from './types';

const f = (ticketId: string, number: string, kind: 'booked' | 'walk_in') => ({ ticketId, number, kind });
const call = (ticketId: string, number: string, kind: 'booked' | 'walk_in', counterId: string, minute: number, queuedAt: number) =>
  ({ type: 'TicketCalled', data: { ...f(ticketId, number, kind), services: [], priority: 0, counterId, reason: 'walk_in', passedOver: [], queuedAt: at(queuedAt), at: at(minute) } });
const start = (ticketId: string, number: string, kind: 'booked' | 'walk_in', counterId: string, minute: number) =>
  ({ type: 'ServiceStarted', data: { ...f(ticketId, number, kind), counterId, services: [], at: at(minute) } });
const complete = (ticketId: string, number: string, kind: 'booked' | 'walk_in', counterId: string, from: number, minute: number, done = [line('meldung')]) =>
  ({ type: 'ServiceCompleted', data: { ...f(ticketId, number, kind), counterId, servicesRequested: done, servicesDone: done, startedAt: at(from), at: at(minute) } });
const walkIn = (ticketId: string, n: number, seq: number, minute: number, services = [line('meldung')], appointment?: object) =>
  ({ type: 'WalkInTicketIssued', data: { ...f(ticketId, `W-00${n}`, 'walk_in'), seq, services, priority: 0, reason: appointment ? 'late_for_appointment' : 'walk_in', at: at(minute), ...(appointment ? { appointment } : {}) } });

/**
 * The hand-computed day (Tuesday 1 Dec 2026, minutes after 08:00 Berlin). Expected figures below were
 * worked out on paper from this list, not by running the code.
 */
const day = positioned([
  booked('a1', 30, at(30) - 7 * DAY),                                   // comes 10 min early, served at s2
  booked('a2', 60, at(60) - 2 * DAY, [line('pass')]),                   // comes 20 min late → walk-in
  booked('a3', 90, at(90) - DAY / 2, [line('meldung')]),               // cancelled
  cancelled('a3', 90),
  booked('a4', 120, at(120) - 3 * DAY),                                 // never comes
  { type: 'CounterOpened', data: { counterId: 's1', serviceIds: ['ausweis', 'pass', 'meldung'], at: at(0) } },
  { type: 'CounterOpened', data: { counterId: 's2', serviceIds: ['ausweis', 'meldung'], at: at(0) } },
  walkIn('w1', 1, 1, 5),
  call('w1', 'W-001', 'walk_in', 's1', 10, 5),                          // waits 5
  start('w1', 'W-001', 'walk_in', 's1', 11),
  complete('w1', 'W-001', 'walk_in', 's1', 11, 21),                     // 10 min meldung
  { type: 'BookedCustomerCheckedIn', data: { ...f('t1', 'T-001', 'booked'), seq: 2, services: [line('ausweis')], priority: 0, appointment: { appointmentId: 'a1', reference: 'R', start: at(30) }, dueAt: at(25), minutesEarly: 10, at: at(20) } },
  walkIn('w2', 2, 3, 25, [line('ausweis')]),
  call('t1', 'T-001', 'booked', 's2', 34, 20),                          // waits 34 − max(20, 30) = 4
  call('w2', 'W-002', 'walk_in', 's1', 40, 25),                         // waits 15
  start('t1', 'T-001', 'booked', 's2', 35),
  { type: 'TicketRecalled', data: { ...f('w2', 'W-002', 'walk_in'), counterId: 's1', call: 2, at: at(41) } },
  { type: 'TicketNoShow', data: { ...f('w2', 'W-002', 'walk_in'), counterId: 's1', calls: 2, reason: 'marked', at: at(42) } },
  complete('t1', 'T-001', 'booked', 's2', 35, 55, [line('ausweis')]),   // 20 min ausweis
  walkIn('w3', 3, 4, 80, [line('pass')], { appointmentId: 'a2', reference: 'R', start: at(60), minutesLate: 20 }),
  call('w3', 'W-003', 'walk_in', 's1', 90, 80),                         // waits 10
  start('w3', 'W-003', 'walk_in', 's1', 90),
  complete('w3', 'W-003', 'walk_in', 's1', 90, 120, [line('pass', 2)]), // 30 min for two passports
  walkIn('w4', 4, 5, 180),
  call('w4', 'W-004', 'walk_in', 's2', 185, 180),                       // waits 5
  start('w4', 'W-004', 'walk_in', 's2', 186),
  { type: 'TicketTransferred', data: { ...f('w4', 'W-004', 'walk_in'), fromCounterId: 's2', fromServices: [line('meldung')], services: [line('ausweis')], at: at(190) } },
  { type: 'CounterClosed', data: { counterId: 's1', releasedTicketIds: [], at: at(240) } },
  { type: 'CounterClosed', data: { counterId: 's2', releasedTicketIds: [], at: at(240) } },
]);

describe('customer flow of a hand-computed day', () => {
  const state = evolveFlowBatch(initialFlowState(), day);
  const visits = flowVisits(state);
  const figures = flowFigures(visits, { from: DATE, to: DATE }, flowCounterSessions(state));

  it('makes one visit per appointment or ticket, linking check-ins and late walk-ins to their appointment', () => {
    expect(visits.map((v) => [v.visitId, v.kind, v.outcome, v.waitingMinutes, v.serviceMinutes])).toEqual([
      ['hbs-2026-12-01-1', 'booked', 'served', 4, 20],
      ['hbs-2026-12-01-2', 'walk_in', 'served', 10, 30],
      ['hbs-2026-12-01-3', 'booked', 'cancelled', null, null],
      ['hbs-2026-12-01-5', 'booked', 'not_arrived', null, null],
      ['hbs-2026-12-01-8', 'walk_in', 'served', 5, 10],
      ['hbs-2026-12-01-13', 'walk_in', 'no_show', 15, null],
      ['hbs-2026-12-01-24', 'walk_in', 'transferred', 5, 4],
    ]);
    expect(visits[1]).toMatchObject({ hadAppointment: true, lateForAppointment: true, ticketNumber: 'W-003', appointmentAt: at(60), arrivedAt: at(80) });
    expect(visits[5].calls).toEqual([at(40), at(41)]);
    expect(visits[6]).toMatchObject({ transfers: 1, services: [line('ausweis')], segments: [{ counterId: 's2', from: at(186), until: at(190) }] });
  });

  it('carries no personal data: no booking reference, contact key, sealed contact or internal id', () => {
    const text = JSON.stringify(visits);
    for (const secret of ['HBS-XXXXXX', 'sealed', '"k"', 'a1', 't1', 'w1']) expect(text).not.toContain(secret);
  });

  it('counts visits and outcomes', () => {
    expect(figures.period).toEqual({ from: DATE, to: DATE, officeId: null });
    expect(figures.visits).toEqual({
      total: 7, booked: 3, walkIn: 4,
      outcomes: { served: 3, no_show: 1, not_arrived: 1, cancelled: 1, rescheduled: 0, transferred: 1, unfinished: 0 },
    });
  });

  it('puts arrivals on Tuesday at 8, 9 and 11 o’clock', () => {
    const tuesday = new Array(24).fill(0);
    tuesday[8] = 3; tuesday[9] = 1; tuesday[11] = 1;
    expect(figures.arrivalsByWeekdayHour[1]).toEqual(tuesday);
    expect(figures.arrivalsByWeekdayHour.flat().reduce((s, n) => s + n, 0)).toBe(5);
  });

  it('splits waiting time into booked and walk-in', () => {
    expect(figures.waitingMinutes.booked).toEqual({ count: 1, mean: 4, p50: 4, p90: 4, min: 4, max: 4, edges: [5, 10, 15, 20, 30, 45, 60, 90, 120], counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(figures.waitingMinutes.walkIn).toEqual({ count: 4, mean: 8.75, p50: 5, p90: 15, min: 5, max: 15, edges: [5, 10, 15, 20, 30, 45, 60, 90, 120], counts: [0, 2, 1, 1, 0, 0, 0, 0, 0, 0] });
  });

  it('gives service minutes per unit of each service', () => {
    expect(Object.keys(figures.serviceMinutesPerUnit)).toEqual(['ausweis', 'meldung', 'pass']);
    expect(figures.serviceMinutesPerUnit.ausweis).toMatchObject({ count: 1, mean: 20, counts: [0, 0, 0, 0, 1, 0, 0, 0] });
    expect(figures.serviceMinutesPerUnit.meldung).toMatchObject({ count: 1, mean: 10, counts: [0, 0, 1, 0, 0, 0, 0, 0] });
    expect(figures.serviceMinutesPerUnit.pass).toMatchObject({ count: 1, mean: 15, counts: [0, 0, 0, 1, 0, 0, 0, 0] });
  });

  it('computes no-show and cancellation rates', () => {
    expect(figures.rates).toEqual({ appointmentNoShow: 0.3333, appointmentCancellation: 0.25, walkInNoShow: 0.25 });
  });

  it('measures punctuality and lead time', () => {
    expect(figures.punctualityMinutes).toMatchObject({ count: 2, mean: 5, p50: -10, p90: 20, min: -10, max: 20, counts: [0, 0, 0, 1, 0, 0, 0, 0, 1, 0] });
    expect(figures.leadTimeDays).toMatchObject({ count: 4, mean: 3.13, p50: 2, p90: 7, min: 0.5, max: 7, counts: [1, 0, 1, 1, 1, 0, 0, 0] });
  });

  it('puts serving minutes over open minutes per counter', () => {
    expect(figures.counterUtilisation).toEqual([
      { officeId: 'hbs', date: DATE, counterId: 's1', openMinutes: 240, servingMinutes: 40, utilisation: 0.167 },
      { officeId: 'hbs', date: DATE, counterId: 's2', openMinutes: 240, servingMinutes: 24, utilisation: 0.1 },
    ]);
  });

  it('gives the same figures straight from the state, without copying the visits', () => {
    expect(JSON.stringify(flowStateFigures(state, { from: DATE, to: DATE }))).toBe(JSON.stringify(figures));
    expect(flowStateFigures(state, { from: DATE, to: DATE, officeId: 'other' }).visits.total).toBe(0);
  });

  it('leaves out days and offices outside the period', () => {
    const other = flowFigures(visits, { from: '2026-12-02', to: '2026-12-31' }, flowCounterSessions(state));
    expect(other.visits.total).toBe(0);
    expect(other.rates).toEqual({ appointmentNoShow: null, appointmentCancellation: null, walkInNoShow: null });
    expect(other.waitingMinutes.booked).toMatchObject({ count: 0, mean: null, p50: null });
    expect(flowFigures(visits, { from: DATE, to: DATE, officeId: 'other' }).visits.total).toBe(0);
  });

  it('ignores a repeated position and events of other kinds', () => {
    const again = evolveFlowBatch(initialFlowState(), [...day.slice(0, 10), day[5], { type: 'EmailSent', data: {}, position: 11 }, ...day.slice(10).map((e) => ({ ...e, position: e.position + 1 }))]);
    const shifted = flowVisits(again);
    // The inserted events move every later position by one; apart from that the visits are the same.
    const apartFromArrivalPositions = (vs: readonly Visit[]) => JSON.stringify(vs.map(({ arrivalPosition: _, ...v }) => v));
    expect(apartFromArrivalPositions(shifted)).toBe(apartFromArrivalPositions(visits).replace(/-13"/, '-14"').replace(/-24"/, '-25"'));
    expect(shifted.map((v) => v.arrivalPosition)).toEqual(visits.map((v) => (v.arrivalPosition !== null && v.arrivalPosition > 10 ? v.arrivalPosition + 1 : v.arrivalPosition)));
    expect(AGGREGATE).toBe('hbs-2026-12-01');
    expect(MIN).toBe(60_000);
  });
});
