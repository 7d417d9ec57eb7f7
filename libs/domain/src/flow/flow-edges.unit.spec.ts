import { csvCell, evolveFlowBatch, flowCounterSessions, flowVisits, initialFlowState, simulateWhatIf, visitsToCsv, visitsToCsvRows, whatIfArrivals, VISIT_CSV_HEADER } from './index';
import type { WhatIfArrival } from './index';
import { DATE, OFFICE, at, booked, cancelled, line, positioned } from './flow.test-kit';

const f = (ticketId: string) => ({ ticketId, number: 'W-001', kind: 'walk_in' as const });
const walkIn = (ticketId: string, minute: number) =>
  ({ type: 'WalkInTicketIssued', data: { ...f(ticketId), seq: 1, services: [line('meldung')], priority: 0, reason: 'walk_in', at: at(minute) } });

describe('customer flow edge cases', () => {
  it('follows a same-day reschedule, a move to another day, and ignores cancellations never activated', () => {
    const events = positioned([
      booked('a1', 30, at(-600)),
      { type: 'AppointmentRescheduled', data: { ...booked('a1', 90, 0).data, from: {}, rescheduledAt: at(-300), releasedSlots: [], quarantineUntil: at(0) } },
      booked('a2', 60, at(-600)),
      cancelled('a2', 60, 'rescheduled'),
      cancelled('a3', 60, 'citizen_request', false),
      cancelled('a4', 60, 'staff_decision'),
      { type: 'HoldPlaced', data: {} },
    ]);
    const visits = flowVisits(evolveFlowBatch(initialFlowState(), events));
    expect(visits.map((v) => [v.outcome, v.appointmentAt])).toEqual([['not_arrived', at(90)], ['rescheduled', at(60)], ['cancelled', at(60)]]);
  });

  it('handles a parked ticket, a completion whose start was before the replay, an unknown ticket and a day without aggregate id', () => {
    const events = [
      ...positioned([
        { type: 'BookedCustomerCheckedIn', data: { ticketId: 't1', number: 'T-001', kind: 'booked', seq: 1, services: [line('ausweis')], priority: 0, appointment: { appointmentId: 'x', reference: 'R', start: at(10) }, dueAt: at(5), minutesEarly: 0, at: at(10) } },
        { type: 'TicketCalled', data: { ...f('t1'), kind: 'booked', services: [], priority: 0, counterId: 's1', reason: 'booked_due', passedOver: [], queuedAt: at(10), at: at(12) } },
        { type: 'ServiceStarted', data: { ...f('t1'), counterId: 's1', services: [], at: at(12) } },
        { type: 'TicketParked', data: { ...f('t1'), counterId: 's1', at: at(15) } },
        { type: 'TicketUnparked', data: { ...f('t1'), at: at(20) } },
        { type: 'CounterServicesChanged', data: { counterId: 's1', serviceIds: [], previousServiceIds: [], at: at(21) } },
        { type: 'CounterOpened', data: { counterId: 's1', serviceIds: [], at: at(0) } },
        { type: 'CounterOpened', data: { counterId: 's1', serviceIds: [], at: at(5) } },
        { type: 'CounterClosed', data: { counterId: 's9', releasedTicketIds: [], at: at(30) } },
        { type: 'ServiceCompleted', data: { ...f('ghost'), counterId: 's1', servicesRequested: [], servicesDone: [], startedAt: at(0), at: at(1) } },
        walkIn('w1', 40),
      ]),
      { type: 'ServiceCompleted', data: { ...f('w1'), counterId: 's2', servicesRequested: [], servicesDone: [line('meldung')], startedAt: at(45), at: at(50) }, position: 20 },
      { ...walkIn('w2', 60), position: 21 },
    ];
    const state = evolveFlowBatch(initialFlowState(), events);
    const visits = flowVisits(state);
    expect(visits.map((v) => [v.officeId, v.outcome, v.serviceMinutes, v.waitingMinutes])).toEqual([
      ['hbs', 'unfinished', 3, 2],
      ['hbs', 'served', 5, null],
      ['unknown', 'unfinished', null, null],
    ]);
    expect(visits[2].date).toBe(DATE);
    expect(flowCounterSessions(state)).toEqual([{ officeId: OFFICE, date: DATE, counterId: 's1', openedAt: at(0), closedAt: at(40) }]);
  });

  it('keeps each stretch of a service interrupted by parking, in order, and sums them', () => {
    const [visit] = flowVisits(evolveFlowBatch(initialFlowState(), positioned([
      walkIn('w1', 0),
      { type: 'TicketCalled', data: { ...f('w1'), services: [], priority: 0, counterId: 's1', reason: 'walk_in', passedOver: [], queuedAt: at(0), at: at(2) } },
      { type: 'ServiceStarted', data: { ...f('w1'), counterId: 's1', services: [], at: at(2) } },
      { type: 'TicketParked', data: { ...f('w1'), counterId: 's1', at: at(5) } },
      { type: 'TicketUnparked', data: { ...f('w1'), at: at(20) } },
      { type: 'TicketRecalled', data: { ...f('w1'), counterId: 's2', call: 2, at: at(21) } },
      { type: 'ServiceStarted', data: { ...f('w1'), counterId: 's2', services: [], at: at(22) } },
      { type: 'ServiceCompleted', data: { ...f('w1'), counterId: 's2', servicesRequested: [], servicesDone: [line('meldung')], startedAt: at(22), at: at(30) } },
    ])));
    expect(visit.segments).toEqual([{ counterId: 's1', from: at(2), until: at(5) }, { counterId: 's2', from: at(22), until: at(30) }]);
    expect([visit.calls, visit.serviceMinutes, visit.servedFrom, visit.servedUntil, visit.outcome]).toEqual([[at(2), at(21)], 11, at(2), at(30), 'served']);
  });
});

describe('CSV export', () => {
  it('neutralises formulas and quotes separators, quotes and line breaks', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', '\rx'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "'\tx", "\"'\rx\""]);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a;b\nc')).toBe('"a;b\nc"');
    expect(csvCell('=a,b')).toBe('"\'=a,b"');
    expect([csvCell(-5), csvCell(null), csvCell(true), csvCell('plain')]).toEqual(['-5', '', 'true', 'plain']);
  });

  it('writes a header and one row per visit in Berlin wall-clock time', () => {
    const events = positioned([booked('a1', 30, at(-60), [line('pass', 2), line('ausweis')]), walkIn('w1', 5)]);
    const visits = flowVisits(evolveFlowBatch(initialFlowState(), events));
    const rows = visitsToCsvRows(visits);
    expect(rows[0]).toEqual(VISIT_CSV_HEADER);
    expect(rows[1].slice(0, 12)).toEqual(['hbs-2026-12-01-1', 'hbs', DATE, 'booked', true, false, null, 'ausweis passx2', null, '2026-12-01 07:00', '2026-12-01 08:30', null]);
    expect(visitsToCsv(visits).split('\r\n')).toHaveLength(4);
  });
});

describe('what-if options', () => {
  const a = (i: number, kind: 'booked' | 'walk_in', minute: number, recorded: number | null, services = [line('meldung')]): WhatIfArrival => ({
    visitId: `v${i}`, kind, arrivedAt: at(minute), arrivalPosition: i, appointmentAt: kind === 'booked' ? at(minute + 10) : null, services, priority: 0, recordedServiceMinutes: recorded, recordedWaitMinutes: 3,
  });
  const arrivals = [a(0, 'walk_in', 0, 10), a(1, 'walk_in', 0, null), a(2, 'booked', 0, 10), a(3, 'walk_in', 1, 5)];

  it('uses planned service times when asked, and counts arrivals no counter can serve', () => {
    const result = simulateWhatIf([...arrivals, a(4, 'walk_in', 2, 5, [line('kfz')])], {
      counters: [{ counterId: 'k1', serviceIds: ['meldung'] }], serviceTimes: { meldung: 4 }, useRecordedServiceTimes: false,
    });
    expect(result.visits.map((v) => v.predictedWaitMinutes)).toEqual([0, 4, 0, 11, null]);
    expect(result.unserved).toBe(1);
    expect(result.recorded.all).toEqual({ count: 5, mean: 3, p50: 3, p90: 3, max: 3 });
  });

  it('turns walk-ins into bookings (and back) evenly for another online share', () => {
    const more = simulateWhatIf(arrivals, { counters: 2, serviceTimes: {}, onlineShare: 0.75 });
    expect(more.visits.filter((v) => v.kind === 'booked')).toHaveLength(3);
    expect(more.onlineShare).toBe(0.75);
    const none = simulateWhatIf(arrivals, { counters: 2, serviceTimes: {}, onlineShare: 0, defaultServiceMinutes: 1 });
    expect(none.visits.every((v) => v.kind === 'walk_in')).toBe(true);
    expect(simulateWhatIf([], { counters: 1, serviceTimes: {} }).predicted.all.mean).toBeNull();
  });

  it('takes a no-show’s counter time from its calls', () => {
    const events = positioned([
      walkIn('w1', 0),
      { type: 'TicketCalled', data: { ...f('w1'), services: [], priority: 0, counterId: 's1', reason: 'walk_in', passedOver: [], queuedAt: at(0), at: at(2) } },
      { type: 'TicketRecalled', data: { ...f('w1'), counterId: 's1', call: 2, at: at(5) } },
      { type: 'TicketNoShow', data: { ...f('w1'), counterId: 's1', calls: 2, reason: 'max_calls', at: at(6) } },
    ]);
    const [arrival] = whatIfArrivals(flowVisits(evolveFlowBatch(initialFlowState(), events)), { officeId: OFFICE, date: DATE });
    expect(arrival).toMatchObject({ recordedServiceMinutes: 3, recordedWaitMinutes: 2 });
  });

  it('keeps service lines canonical: several sorted by id then quantity and copied, one shared and frozen', () => {
    const many = [line('pass', 2), line('ausweis'), line('pass', 1), line('meldung')];
    const events = positioned([
      { type: 'WalkInTicketIssued', data: { ...f('w1'), seq: 1, services: many, priority: 0, reason: 'walk_in', at: at(1) } },
      walkIn('w2', 2),
      walkIn('w3', 3),
    ]);
    const [first, second, third] = flowVisits(evolveFlowBatch(initialFlowState(), events));
    expect(first.services).toEqual([line('ausweis'), line('meldung'), line('pass', 1), line('pass', 2)]);
    expect(first.services[0]).not.toBe(many[1]);
    expect(second.services).toEqual([line('meldung')]);
    expect(second.services).toBe(third.services);
    expect(Object.isFrozen(second.services) && Object.isFrozen(second.services[0])).toBe(true);
  });

  it('orders counter sessions by day, office, counter and opening, an open one ending at its day\'s last queue event', () => {
    const opened = (counterId: string, minute: number) => ({ type: 'CounterOpened', data: { counterId, serviceIds: [], at: at(minute) } });
    const events = [
      { ...opened('s2', 0), position: 1, aggregateId: `${OFFICE}-${DATE}` },
      { ...opened('s1', 5), position: 2, aggregateId: `${OFFICE}-${DATE}` },
      { ...opened('s1', 0), position: 3, aggregateId: `a-${DATE}` },
      { ...walkIn('w1', 30), position: 4, aggregateId: `${OFFICE}-${DATE}` },
      { type: 'CounterClosed', data: { counterId: 's1', releasedTicketIds: [], at: at(20) }, position: 5, aggregateId: `a-${DATE}` },
    ];
    const sessions = flowCounterSessions(evolveFlowBatch(initialFlowState(), events));
    expect(sessions.map((s) => [s.officeId, s.counterId, s.closedAt])).toEqual([['a', 's1', at(20)], [OFFICE, 's1', at(30)], [OFFICE, 's2', at(30)]]);
  });
});
