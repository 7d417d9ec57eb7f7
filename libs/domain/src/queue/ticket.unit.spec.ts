import type { QueueCommand } from './commands';
import type { QueueEvent } from './events';
import { at, calledFrom, checkedIn, ctx, line, opened, spec, started, walkIn } from './queue.test-kit';

const cmd = (type: 'Recall' | 'Park' | 'Unpark' | 'StartService' | 'MarkNoShow', ticketId: string) => ({ type, data: { ticketId } }) as QueueCommand;
const transfer = (ticketId: string, to: { toServiceIds?: string[]; toCounterId?: string }): QueueCommand => ({ type: 'Transfer', data: { ticketId, ...to } });
const complete = (ticketId: string, servicesDone = [line('meldung')]): QueueCommand => ({ type: 'CompleteService', data: { ticketId, servicesDone } });

const w1 = walkIn('w1', 1, 1, 0);
const facts = { ticketId: 'w1', number: 'W-001', kind: 'walk_in' } as const;
const waitingDay = [opened('s1', ['meldung', 'pass']), opened('s2', ['meldung', 'kfz']), w1];
const calledDay = [...waitingDay, calledFrom(w1, 's1', 2, 'walk_in')];
const recalled = (call: number, minutes: number): QueueEvent => ({ type: 'TicketRecalled', data: { ...facts, counterId: 's1', call, at: at(minutes) } });
const servingDay = [...calledDay, started('w1', 'W-001', 's1', 3)];
const parkedDay = [...calledDay, { type: 'TicketParked', data: { ...facts, counterId: 's1', at: at(3) } } as QueueEvent];
const completedDay = [...servingDay, { type: 'ServiceCompleted', data: { ...facts, counterId: 's1', servicesRequested: [line('meldung')], servicesDone: [line('meldung')], startedAt: at(3), at: at(9) } } as QueueEvent];
const noShowDay = [...calledDay, { type: 'TicketNoShow', data: { ...facts, counterId: 's1', calls: 1, reason: 'marked', at: at(5) } } as QueueEvent];

describe('Recall', () => {
  describe('when the ticket is called', () => {
    it('calls it again after the cooldown, counting the calls', () => {
      const state = spec.given(calledDay).when(cmd('Recall', 'w1'), ctx(3)).then([recalled(2, 3)]);
      expect(state.tickets.w1).toMatchObject({ status: 'called', calls: 2, lastCalledAt: at(3) });
    });

    it('refuses within the cooldown, saying how long is left (a repeated recall changes nothing)', () => {
      const error = spec.given([...calledDay, recalled(2, 3)]).when(cmd('Recall', 'w1'), { ...ctx(3), now: at(3) + 20_000 }).thenFails('recall_too_soon', 'rule');
      expect(error.details).toEqual({ ticketId: 'w1', secondsLeft: 40 });
    });

    it('records a no-show instead of a call beyond the maximum number of calls', () => {
      const state = spec.given([...calledDay, recalled(2, 3), recalled(3, 4)]).when(cmd('Recall', 'w1'), ctx(5)).then([
        { type: 'TicketNoShow', data: { ...facts, counterId: 's1', calls: 3, reason: 'max_calls', at: at(5) } },
      ]);
      expect(state.tickets.w1).toMatchObject({ status: 'no_show', counterId: 's1', at: at(5) });
    });
  });

  describe('when the ticket is not called', () => {
    it('refuses a waiting, a served and an unknown ticket', () => {
      spec.given(waitingDay).when(cmd('Recall', 'w1'), ctx(3)).thenFails('ticket_not_called', 'conflict');
      spec.given(servingDay).when(cmd('Recall', 'w1'), ctx(5)).thenFails('ticket_not_called');
      spec.given(waitingDay).when(cmd('Recall', 'x'), ctx(3)).thenFails('ticket_unknown');
    });
  });
});

describe('Park and Unpark', () => {
  describe('when the ticket is at a counter', () => {
    it('parks a called or a served ticket and frees the counter', () => {
      const state = spec.given(calledDay).when(cmd('Park', 'w1'), ctx(3)).then([{ type: 'TicketParked', data: { ...facts, counterId: 's1', at: at(3) } }]);
      expect(state.tickets.w1).toMatchObject({ status: 'parked', counterId: 's1' });
      spec.given(servingDay).when(cmd('Park', 'w1'), ctx(4)).then([{ type: 'TicketParked', data: { ...facts, counterId: 's1', at: at(4) } }]);
    });

    it('refuses to unpark a ticket that is not parked', () => {
      spec.given(calledDay).when(cmd('Unpark', 'w1'), ctx(3)).thenFails('ticket_not_parked');
    });
  });

  describe('when the ticket is parked', () => {
    it('does nothing when parked again', () => {
      spec.given(parkedDay).when(cmd('Park', 'w1'), ctx(4)).thenNothing();
    });

    it('puts it back in line at its original place, with a fresh pass-over count', () => {
      const state = spec.given([...parkedDay, walkIn('w2', 2, 2, 3)]).when(cmd('Unpark', 'w1'), ctx(10)).then([{ type: 'TicketUnparked', data: { ...facts, at: at(10) } }]);
      expect(state.tickets.w1).toMatchObject({ status: 'waiting', seq: 1, queuedAt: at(10), passedOver: 0 });
      spec.given([...parkedDay, walkIn('w2', 2, 2, 3), { type: 'TicketUnparked', data: { ...facts, at: at(10) } }])
        .when({ type: 'CallNext', data: { counterId: 's2' } }, ctx(11))
        .then([expect.objectContaining({ data: expect.objectContaining({ ticketId: 'w1', reason: 'walk_in', queuedAt: at(10) }) })]);
    });
  });

  describe('when the ticket is waiting or finished', () => {
    it('does nothing on unpark of a waiting ticket, and refuses to park it', () => {
      spec.given(waitingDay).when(cmd('Unpark', 'w1'), ctx(3)).thenNothing();
      spec.given(waitingDay).when(cmd('Park', 'w1'), ctx(3)).thenFails('ticket_not_called_or_serving');
    });

    it('refuses unknown tickets', () => {
      spec.given(waitingDay).when(cmd('Park', 'x'), ctx(3)).thenFails('ticket_unknown');
      spec.given(waitingDay).when(cmd('Unpark', 'x'), ctx(3)).thenFails('ticket_unknown');
    });
  });
});

describe('Transfer', () => {
  describe('when the ticket is at a counter', () => {
    it('sends it to other services; it waits again, keeping its joining order, and frees the counter', () => {
      const state = spec.given(servingDay).when(transfer('w1', { toServiceIds: ['pass', 'meldung'] }), ctx(6)).then([
        { type: 'TicketTransferred', data: { ...facts, fromCounterId: 's1', fromServices: [line('meldung')], services: [line('pass'), line('meldung')], at: at(6) } },
      ]);
      expect(state.tickets.w1).toMatchObject({ status: 'waiting', seq: 1, services: [line('pass'), line('meldung')], passedOver: 0 });
    });

    it('sends it to a particular counter, where only that counter may call it', () => {
      const given = [...calledDay, walkIn('w2', 2, 2, 1)];
      const state = spec.given(given).when(transfer('w1', { toCounterId: 's2' }), ctx(4)).then([
        { type: 'TicketTransferred', data: { ...facts, fromCounterId: 's1', fromServices: [line('meldung')], services: [line('meldung')], toCounterId: 's2', at: at(4) } },
      ]);
      expect(state.tickets.w1).toMatchObject({ status: 'waiting', targetCounterId: 's2' });
    });

    it('refuses a counter that is unknown, closed, or does not handle the services', () => {
      spec.given(calledDay).when(transfer('w1', { toCounterId: 's9' }), ctx(4)).thenFails('counter_unknown');
      spec.given(calledDay).when(transfer('w1', { toCounterId: 's3' }), ctx(4)).thenFails('counter_closed');
      spec.given(calledDay).when(transfer('w1', { toServiceIds: ['pass'], toCounterId: 's2' }), ctx(4)).thenFails('counter_cannot_serve');
    });

    it('refuses without a target, and with unknown or empty services', () => {
      spec.given(calledDay).when(transfer('w1', {}), ctx(4)).thenFails('transfer_target_missing', 'invalid');
      spec.given(calledDay).when(transfer('w1', { toServiceIds: ['angeln'] }), ctx(4)).thenFails('service_unknown');
      spec.given(calledDay).when(transfer('w1', { toServiceIds: [] }), ctx(4)).thenFails('services_empty');
    });
  });

  describe('when the ticket is waiting', () => {
    it('does nothing when it already waits for the same services and counter', () => {
      spec.given(waitingDay).when(transfer('w1', { toServiceIds: ['meldung'] }), ctx(4)).thenNothing();
    });

    it('keeps the quantity of a service it keeps', () => {
      const w = walkIn('w9', 9, 1, 0, [line('pass', 2)]);
      spec.given([w]).when(transfer('w9', { toServiceIds: ['pass', 'meldung'] }), ctx(4)).then([
        expect.objectContaining({ data: expect.objectContaining({ services: [line('pass', 2), line('meldung')] }) }),
      ]);
    });
  });

  describe('when the ticket is finished or unknown', () => {
    it('refuses', () => {
      spec.given(completedDay).when(transfer('w1', { toServiceIds: ['pass'] }), ctx(10)).thenFails('ticket_finished', 'conflict');
      spec.given(noShowDay).when(transfer('w1', { toServiceIds: ['pass'] }), ctx(10)).thenFails('ticket_finished');
      spec.given([]).when(transfer('w1', { toServiceIds: ['pass'] }), ctx(10)).thenFails('ticket_unknown');
    });
  });
});

describe('StartService', () => {
  it('starts serving a called ticket', () => {
    const state = spec.given(calledDay).when(cmd('StartService', 'w1'), ctx(3)).then([started('w1', 'W-001', 's1', 3)]);
    expect(state.tickets.w1).toMatchObject({ status: 'serving', counterId: 's1', startedAt: at(3) });
  });

  it('does nothing when already serving', () => {
    spec.given(servingDay).when(cmd('StartService', 'w1'), ctx(4)).thenNothing();
  });

  it('refuses a ticket that is not called', () => {
    spec.given(waitingDay).when(cmd('StartService', 'w1'), ctx(3)).thenFails('ticket_not_called');
    spec.given([]).when(cmd('StartService', 'w1'), ctx(3)).thenFails('ticket_unknown');
  });
});

describe('CompleteService', () => {
  it('records the services actually done, next to those requested', () => {
    const state = spec.given(servingDay).when(complete('w1', [line('meldung'), line('pass')]), ctx(12)).then([
      { type: 'ServiceCompleted', data: { ...facts, counterId: 's1', servicesRequested: [line('meldung')], servicesDone: [line('meldung'), line('pass')], startedAt: at(3), at: at(12) } },
    ]);
    expect(state.tickets.w1).toMatchObject({ status: 'completed', completedAt: at(12) });
  });

  it('accepts a visit where nothing could be done (documents missing)', () => {
    spec.given(servingDay).when(complete('w1', []), ctx(5)).then([expect.objectContaining({ data: expect.objectContaining({ servicesDone: [] }) })]);
  });

  it('does nothing when already completed', () => {
    spec.given(completedDay).when(complete('w1'), ctx(12)).thenNothing();
  });

  it('refuses a ticket not being served, and unknown services', () => {
    spec.given(calledDay).when(complete('w1'), ctx(3)).thenFails('ticket_not_serving');
    spec.given(servingDay).when(complete('w1', [line('angeln')]), ctx(5)).thenFails('service_unknown');
    spec.given([]).when(complete('w1'), ctx(5)).thenFails('ticket_unknown');
  });
});

describe('MarkNoShow', () => {
  it('records a called customer who did not come', () => {
    const state = spec.given(calledDay).when(cmd('MarkNoShow', 'w1'), ctx(5)).then([noShowDay[noShowDay.length - 1]]);
    expect(state.tickets.w1.status).toBe('no_show');
  });

  it('records a parked customer who did not come back', () => {
    spec.given(parkedDay).when(cmd('MarkNoShow', 'w1'), ctx(30)).then([
      { type: 'TicketNoShow', data: { ...facts, counterId: 's1', calls: 0, reason: 'marked', at: at(30) } },
    ]);
  });

  it('does nothing when already a no-show', () => {
    spec.given(noShowDay).when(cmd('MarkNoShow', 'w1'), ctx(6)).thenNothing();
  });

  it('refuses a waiting or served ticket', () => {
    spec.given(waitingDay).when(cmd('MarkNoShow', 'w1'), ctx(3)).thenFails('ticket_not_called_or_parked');
    spec.given(servingDay).when(cmd('MarkNoShow', 'w1'), ctx(5)).thenFails('ticket_not_called_or_parked');
    spec.given([]).when(cmd('MarkNoShow', 'w1'), ctx(5)).thenFails('ticket_unknown');
  });
});

describe('a booked ticket through the day', () => {
  it('keeps its booked number and appointment through call, park, unpark and service', () => {
    const t1 = checkedIn('t1', 1, 1, 0, 10);
    const state = spec.given([opened('s1', ['ausweis']), t1, calledFrom(t1, 's1', 6, 'booked_due'), { type: 'TicketParked', data: { ticketId: 't1', number: 'T-001', kind: 'booked', counterId: 's1', at: at(7) } }])
      .when(cmd('Unpark', 't1'), ctx(8)).then([{ type: 'TicketUnparked', data: { ticketId: 't1', number: 'T-001', kind: 'booked', at: at(8) } }]);
    expect(state.tickets.t1).toMatchObject({ status: 'waiting', number: 'T-001', appointment: { appointmentId: 'a-t1' }, dueAt: at(5) });
  });
});
