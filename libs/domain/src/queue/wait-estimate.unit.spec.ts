import { fold } from '../shared/decider';
import { queueId } from './catalog-view';
import type { QueueCommand } from './commands';
import { decideQueue } from './decide';
import type { QueueEvent, ServiceCompleted } from './events';
import { evolveQueue } from './evolve';
import { initialQueueState } from './state';
import { at, calledFrom, catalog, checkedIn, ctx, line, opened, started, walkIn } from './queue.test-kit';
import { estimateWait, learnServiceMinutes, serviceMinutes } from './wait-estimate';

const stateOf = (events: QueueEvent[]) => fold(evolveQueue, initialQueueState, events);
const completed = (serviceId: string, minutes: number, quantity = 1): ServiceCompleted => ({
  type: 'ServiceCompleted',
  data: { ticketId: 'x', number: 'W-001', kind: 'walk_in', counterId: 's1', servicesRequested: [], servicesDone: [line(serviceId, quantity)], startedAt: at(0), at: at(minutes) },
});

describe('estimateWait', () => {
  const w1 = walkIn('w1', 1, 1, 0, [line('meldung')]);
  const w2 = walkIn('w2', 2, 2, 1, [line('pass')]);
  const w3 = walkIn('w3', 3, 3, 2, [line('meldung', 2)]);

  it('adds up the catalogue minutes of the tickets called before it, shared by the counters that can serve it', () => {
    const state = stateOf([opened('s1', ['meldung', 'pass']), opened('s3', ['meldung', 'pass']), w1, w2, w3]);
    expect(estimateWait(state, 'w3', at(3), catalog)).toEqual({ status: 'estimated', minutes: 15, ahead: 2, counters: 2 });
    expect(estimateWait(state, 'w1', at(3), catalog)).toEqual({ status: 'estimated', minutes: 0, ahead: 0, counters: 2 });
  });

  it('counts only tickets that its counters can serve, and what those counters are busy with', () => {
    const state = stateOf([opened('s1', ['meldung', 'pass']), opened('s2', ['meldung']), w1, w2, w3, calledFrom(w1, 's2', 3, 'walk_in'), started('w1', 'W-001', 's2', 3)]);
    // w2 (pass) can only go to s1; w3 can go to s1 or s2: ahead of it w2 (20) plus the rest of w1 at s2 (10 − 4 = 6).
    expect(estimateWait(state, 'w3', at(7), catalog)).toEqual({ status: 'estimated', minutes: 13, ahead: 1, counters: 2 });
  });

  it('counts a called ticket with its full minutes', () => {
    const state = stateOf([opened('s1', ['meldung', 'pass']), w1, w2, calledFrom(w1, 's1', 3, 'walk_in')]);
    expect(estimateWait(state, 'w2', at(3), catalog)).toMatchObject({ minutes: 10, ahead: 0 });
  });

  it('prefers learned averages to catalogue minutes', () => {
    const state = stateOf([opened('s1', ['meldung', 'pass']), w1, w2]);
    expect(estimateWait(state, 'w2', at(3), catalog, { meldung: 4 })).toMatchObject({ minutes: 4 });
  });

  it('lets an early booked customer wait at least until due, ranked as at that time', () => {
    const t1 = checkedIn('t1', 1, 3, 2, 60, [line('meldung')]);
    const state = stateOf([opened('s1', ['meldung', 'pass']), w1, w2, t1]);
    expect(estimateWait(state, 't1', at(3), catalog)).toEqual({ status: 'estimated', minutes: 52, ahead: 0, counters: 1 });
  });

  it('gives no figure when no open counter handles its services, or when it is not waiting', () => {
    const state = stateOf([opened('s2', ['kfz']), w1, w2, calledFrom(w1, 's2', 3, 'walk_in')]);
    expect(estimateWait(state, 'w2', at(3), catalog)).toEqual({ status: 'no_counter' });
    expect(estimateWait(state, 'w1', at(3), catalog)).toEqual({ status: 'not_waiting' });
    expect(estimateWait(state, 'nope', at(3), catalog)).toEqual({ status: 'not_waiting' });
  });
});

describe('learnServiceMinutes', () => {
  it('averages minutes per unit once a service has enough samples', () => {
    const history = [completed('pass', 18), completed('pass', 22), completed('pass', 40, 2), completed('meldung', 7)];
    expect(learnServiceMinutes(history, catalog, 3)).toEqual({ pass: 20 });
  });

  it('splits a visit with several services in proportion to their catalogue minutes, and skips empty visits', () => {
    const both: ServiceCompleted = { ...completed('pass', 60), data: { ...completed('pass', 60).data, servicesDone: [line('pass'), line('meldung')] } };
    const nothing: ServiceCompleted = { ...completed('pass', 5), data: { ...completed('pass', 5).data, servicesDone: [] } };
    expect(learnServiceMinutes([both, nothing], catalog, 1)).toEqual({ pass: 40, meldung: 20 });
  });

  it('falls back to the catalogue in serviceMinutes for services not learned', () => {
    expect(serviceMinutes([line('pass', 2), line('meldung')], catalog, { meldung: 3 })).toBe(43);
    expect(serviceMinutes([line('unbekannt')], catalog)).toBe(0);
  });
});

describe('evolveQueue', () => {
  it('never throws: events about unknown tickets or of an unknown type leave the state as it is', () => {
    const state = stateOf([opened('s1', ['meldung']), walkIn('w1', 1, 1, 0)]);
    const strays: QueueEvent[] = [
      calledFrom(walkIn('zz', 9, 9, 0), 's1', 1, 'walk_in'),
      { type: 'TicketRecalled', data: { ticketId: 'zz', number: 'W-009', kind: 'walk_in', counterId: 's1', call: 2, at: at(2) } },
      { type: 'TicketUnparked', data: { ticketId: 'zz', number: 'W-009', kind: 'walk_in', at: at(2) } },
      { type: 'TicketRecalled', data: { ticketId: 'w1', number: 'W-001', kind: 'walk_in', counterId: 's1', call: 2, at: at(2) } },
      { type: 'SomethingNew', data: {} } as unknown as QueueEvent,
    ];
    expect(fold(evolveQueue, state, strays)).toEqual(state);
  });

  it('keeps a counter open when its services change without an opening event', () => {
    const state = stateOf([{ type: 'CounterServicesChanged', data: { counterId: 's1', serviceIds: ['pass'], previousServiceIds: [], at: at(4) } }]);
    expect(state.counters.s1).toEqual({ status: 'open', counterId: 's1', serviceIds: ['pass'], openedAt: at(4) });
  });
});

describe('queue ids and commands', () => {
  it('names the aggregate <officeId>-<YYYY-MM-DD>', () => {
    expect(queueId('hbs', '2026-12-01')).toBe('hbs-2026-12-01');
  });

  it('fails loudly on a command type it does not know (the edge validates commands first)', () => {
    expect(() => decideQueue({ type: 'Nonsense', data: {} } as unknown as QueueCommand, initialQueueState, ctx(0))).toThrow('Unhandled case');
  });
});
