import type { QueueCommand } from './commands';
import { at, calledFrom, checkedIn, ctx, line, opened, spec, started, walkIn } from './queue.test-kit';

const open = (counterId: string, serviceIds?: string[]): QueueCommand => ({ type: 'OpenCounter', data: { counterId, ...(serviceIds ? { serviceIds } : {}) } });
const close = (counterId: string): QueueCommand => ({ type: 'CloseCounter', data: { counterId } });
const callNext = (counterId: string): QueueCommand => ({ type: 'CallNext', data: { counterId } });
const callTicket = (ticketId: string, counterId: string): QueueCommand => ({ type: 'CallTicket', data: { ticketId, counterId } });

describe('OpenCounter', () => {
  describe('when the counter is closed', () => {
    it('opens with the services the catalogue gives it', () => {
      spec.given([]).when(open('s1'), ctx(0)).then([{ type: 'CounterOpened', data: { counterId: 's1', serviceIds: ['ausweis', 'pass', 'meldung'], at: at(0) } }]);
    });

    it('opens with the services staff choose (duplicates dropped)', () => {
      spec.given([]).when(open('s1', ['pass', 'pass']), ctx(0)).then([{ type: 'CounterOpened', data: { counterId: 's1', serviceIds: ['pass'], at: at(0) } }]);
    });

    it('refuses a counter the office does not have', () => {
      spec.given([]).when(open('s9'), ctx(0)).thenFails('counter_unknown', 'not_found');
    });

    it('refuses an empty or unknown list of services', () => {
      spec.given([]).when(open('s1', []), ctx(0)).thenFails('services_empty');
      spec.given([]).when(open('s1', ['angeln']), ctx(0)).thenFails('service_unknown');
    });
  });

  describe('when the counter is open', () => {
    const given = [opened('s1', ['pass', 'meldung'])];

    it('does nothing when opened again with the same services in any order', () => {
      spec.given(given).when(open('s1', ['meldung', 'pass']), ctx(5)).thenNothing();
    });

    it('records a change of services', () => {
      const state = spec.given(given).when(open('s1', ['ausweis']), ctx(5)).then([
        { type: 'CounterServicesChanged', data: { counterId: 's1', serviceIds: ['ausweis'], previousServiceIds: ['pass', 'meldung'], at: at(5) } },
      ]);
      expect(state.counters.s1).toEqual({ status: 'open', counterId: 's1', serviceIds: ['ausweis'], openedAt: at(0) });
    });
  });
});

describe('CloseCounter', () => {
  describe('when the counter is open and free', () => {
    it('closes it and sends tickets transferred to it back to the general line', () => {
      const w1 = walkIn('w1', 1, 1, 0);
      const transferred = { type: 'TicketTransferred', data: { ticketId: 'w1', number: 'W-001', kind: 'walk_in', fromServices: [line('meldung')], services: [line('meldung')], toCounterId: 's1', at: at(1) } } as const;
      const state = spec.given([opened('s1', ['meldung']), w1, transferred]).when(close('s1'), ctx(2)).then([
        { type: 'CounterClosed', data: { counterId: 's1', releasedTicketIds: ['w1'], at: at(2) } },
      ]);
      expect(state.tickets.w1).toMatchObject({ status: 'waiting', queuedAt: at(1) });
      expect(state.tickets.w1).not.toHaveProperty('targetCounterId');
      expect(state.counters.s1.status).toBe('closed');
    });
  });

  describe('when the counter is busy', () => {
    it('refuses while a ticket is called or served there', () => {
      const w1 = walkIn('w1', 1, 1, 0);
      spec.given([opened('s1', ['meldung']), w1, calledFrom(w1, 's1', 1, 'walk_in')]).when(close('s1'), ctx(2)).thenFails('counter_busy', 'conflict');
    });
  });

  describe('when the counter is closed', () => {
    it('does nothing', () => {
      spec.given([]).when(close('s1'), ctx(2)).thenNothing();
      spec.given([opened('s1', ['meldung']), { type: 'CounterClosed', data: { counterId: 's1', releasedTicketIds: [], at: at(1) } }]).when(close('s1'), ctx(2)).thenNothing();
    });

    it('refuses a counter the office does not have', () => {
      spec.given([]).when(close('s9'), ctx(2)).thenFails('counter_unknown');
    });
  });
});

describe('CallNext', () => {
  describe('when the counter is open and free', () => {
    it('calls the due booked customer before an earlier walk-in, and says whom it passed over', () => {
      const w1 = walkIn('w1', 1, 1, 0, [line('ausweis')]);
      const t1 = checkedIn('t1', 1, 2, 10, 20);
      const state = spec.given([opened('s1', ['ausweis']), w1, t1]).when(callNext('s1'), ctx(16)).then([calledFrom(t1, 's1', 16, 'booked_due', ['w1'])]);
      expect(state.tickets.t1).toMatchObject({ status: 'called', counterId: 's1', calls: 1, lastCalledAt: at(16) });
      expect(state.tickets.w1).toMatchObject({ status: 'waiting', passedOver: 1 });
    });

    it('calls walk-ins first come, first served', () => {
      const w1 = walkIn('w1', 1, 1, 0);
      spec.given([opened('s1', ['meldung']), w1, walkIn('w2', 2, 2, 1)]).when(callNext('s1'), ctx(2)).then([calledFrom(w1, 's1', 2, 'walk_in')]);
    });

    it('only calls tickets whose every service the counter handles', () => {
      const w2 = walkIn('w2', 2, 2, 1, [line('meldung')]);
      spec.given([opened('s2', ['meldung', 'kfz']), walkIn('w1', 1, 1, 0, [line('pass'), line('meldung')]), w2]).when(callNext('s2'), ctx(2)).then([calledFrom(w2, 's2', 2, 'walk_in')]);
    });

    it('calls a walk-in passed over K = 3 times before a due booked customer (the fairness call)', () => {
      const w1 = walkIn('w1', 1, 1, 0, [line('ausweis')]);
      const booked = [2, 3, 4, 5].map((n) => checkedIn(`t${n}`, n - 1, n, 1, 10));
      const day = [opened('s1', ['ausweis']), w1, ...booked];
      const calls = booked.slice(0, 3).flatMap((t, i) => [calledFrom(t, 's1', 10 + i, 'booked_due', ['w1']), started(t.data.ticketId, t.data.number, 's1', 10 + i, [line('ausweis')], 'booked'), {
        type: 'ServiceCompleted', data: { ticketId: t.data.ticketId, number: t.data.number, kind: 'booked', counterId: 's1', servicesRequested: [line('ausweis')], servicesDone: [line('ausweis')], startedAt: at(10 + i), at: at(10 + i) },
      } as const]);
      const state = spec.given([...day, ...calls]).when(callNext('s1'), ctx(20)).then([calledFrom(w1, 's1', 20, 'fairness')]);
      expect(state.tickets.t5.status).toBe('waiting');
    });

    it('refuses with nothing_waiting when nobody waits for this counter', () => {
      const error = spec.given([opened('s2', ['kfz']), walkIn('w1', 1, 1, 0, [line('pass')])]).when(callNext('s2'), ctx(2)).thenFails('nothing_waiting', 'rule');
      expect(error.details).toEqual({ counterId: 's2', waitingElsewhere: 1 });
    });
  });

  describe('when the counter is busy', () => {
    const w1 = walkIn('w1', 1, 1, 0);
    const given = [opened('s1', ['meldung']), w1, walkIn('w2', 2, 2, 1), calledFrom(w1, 's1', 2, 'walk_in')];

    it('refuses while the called ticket has not been dealt with (a repeated CallNext changes nothing)', () => {
      const error = spec.given(given).when(callNext('s1'), ctx(3)).thenFails('counter_busy');
      expect(error.details).toMatchObject({ ticketId: 'w1', number: 'W-001' });
    });

    it('refuses while a ticket is being served', () => {
      spec.given([...given, started('w1', 'W-001', 's1', 3)]).when(callNext('s1'), ctx(4)).thenFails('counter_busy');
    });
  });

  describe('when the counter is closed or unknown', () => {
    it('refuses a closed counter and an unknown one', () => {
      spec.given([walkIn('w1', 1, 1, 0)]).when(callNext('s1'), ctx(2)).thenFails('counter_closed', 'rule');
      spec.given([walkIn('w1', 1, 1, 0)]).when(callNext('s9'), ctx(2)).thenFails('counter_unknown');
    });
  });
});

describe('CallTicket', () => {
  const w1 = walkIn('w1', 1, 1, 0);
  const w2 = walkIn('w2', 2, 2, 1);

  describe('when the ticket waits', () => {
    it('calls that ticket as a manual call, counting whom it passes over', () => {
      spec.given([opened('s1', ['meldung']), w1, w2]).when(callTicket('w2', 's1'), ctx(2)).then([calledFrom(w2, 's1', 2, 'manual', ['w1'])]);
    });

    it('refuses a counter that does not handle its services', () => {
      spec.given([opened('s2', ['kfz']), w1]).when(callTicket('w1', 's2'), ctx(2)).thenFails('counter_cannot_serve', 'rule');
    });

    it('refuses a closed counter and an unknown ticket', () => {
      spec.given([w1]).when(callTicket('w1', 's1'), ctx(2)).thenFails('counter_closed');
      spec.given([opened('s1', ['meldung'])]).when(callTicket('nope', 's1'), ctx(2)).thenFails('ticket_unknown', 'not_found');
    });
  });

  describe('when the ticket is already called', () => {
    const given = [opened('s1', ['meldung']), opened('s3', ['meldung']), w1, calledFrom(w1, 's1', 2, 'walk_in')];

    it('does nothing when called again at the same counter', () => {
      spec.given(given).when(callTicket('w1', 's1'), ctx(3)).thenNothing();
    });

    it('refuses to call it to a second counter: a ticket is never with two counters', () => {
      spec.given(given).when(callTicket('w1', 's3'), ctx(3)).thenFails('ticket_not_waiting', 'conflict');
    });
  });
});
