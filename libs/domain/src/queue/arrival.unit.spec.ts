import type { CheckIn, IssueWalkIn } from './commands';
import { appointment, at, checkedIn, ctx, line, spec, walkIn } from './queue.test-kit';

const checkIn = (appointmentId: string, startMinutes: number, services = [line('ausweis')], priority?: number): CheckIn => ({
  type: 'CheckIn',
  data: { appointmentId, reference: `REF-${appointmentId}`, appointmentStart: at(startMinutes), services, ...(priority === undefined ? {} : { priority }) },
});
const issueWalkIn = (services = [line('meldung')], extra: Partial<IssueWalkIn['data']> = {}): IssueWalkIn => ({ type: 'IssueWalkIn', data: { services, ...extra } });

describe('CheckIn', () => {
  describe('on an empty day', () => {
    it('gives a booked customer on time the first booked number, due from start minus the grace', () => {
      spec.given([]).when(checkIn('a-1', 30), ctx(25, 't1')).then([
        {
          type: 'BookedCustomerCheckedIn',
          data: {
            ticketId: 't1', number: 'T-001', kind: 'booked', seq: 1, services: [line('ausweis')], priority: 0,
            appointment: appointment('a-1', 30), dueAt: at(25), minutesEarly: 5, at: at(25),
          },
        },
      ]);
    });

    it('lets an early customer check in; the ticket waits and is not due before its time minus the grace', () => {
      const state = spec.given([]).when(checkIn('a-1', 90), ctx(0, 't1')).then([
        expect.objectContaining({ type: 'BookedCustomerCheckedIn', data: expect.objectContaining({ dueAt: at(85), minutesEarly: 90 }) }),
      ]);
      expect(state.tickets.t1).toMatchObject({ status: 'waiting', dueAt: at(85) });
    });

    it('still books a customer exactly at the lateness limit (15 minutes late)', () => {
      spec.given([]).when(checkIn('a-1', 30), ctx(45, 't1')).then([
        expect.objectContaining({ type: 'BookedCustomerCheckedIn', data: expect.objectContaining({ number: 'T-001', minutesEarly: -15 }) }),
      ]);
    });

    it('turns a customer more than 15 minutes late into a walk-in with the reason and the appointment', () => {
      spec.given([]).when(checkIn('a-1', 30), ctx(46, 't1')).then([
        {
          type: 'WalkInTicketIssued',
          data: {
            ticketId: 't1', number: 'W-001', kind: 'walk_in', seq: 1, services: [line('ausweis')], priority: 0,
            reason: 'late_for_appointment', appointment: { ...appointment('a-1', 30), minutesLate: 16 }, at: at(46),
          },
        },
      ]);
    });

    it('keeps the priority level given at the desk', () => {
      spec.given([]).when(checkIn('a-1', 30, [line('ausweis')], 2), ctx(20, 't1')).then([
        expect.objectContaining({ data: expect.objectContaining({ priority: 2 }) }),
      ]);
    });

    it('refuses a check-in without services', () => {
      spec.given([]).when(checkIn('a-1', 30, []), ctx(20, 't1')).thenFails('services_empty', 'invalid');
    });

    it('refuses a service the catalogue does not know', () => {
      spec.given([]).when(checkIn('a-1', 30, [line('angeln')]), ctx(20, 't1')).thenFails('service_unknown', 'invalid');
    });

    it('refuses a quantity that is not a whole number of at least one', () => {
      spec.given([]).when(checkIn('a-1', 30, [line('ausweis', 0)]), ctx(20)).thenFails('quantity_invalid');
      spec.given([]).when(checkIn('a-1', 30, [line('ausweis', 1.5)]), ctx(20)).thenFails('quantity_invalid');
    });

    it('refuses a priority level outside 0 … maxPriority', () => {
      spec.given([]).when(checkIn('a-1', 30, [line('ausweis')], 3), ctx(20)).thenFails('priority_invalid', 'invalid');
      spec.given([]).when(checkIn('a-1', 30, [line('ausweis')], -1), ctx(20)).thenFails('priority_invalid');
    });
  });

  describe('after other tickets were issued', () => {
    const given = [walkIn('w1', 1, 1, 0), checkedIn('t1', 1, 2, 5, 30), walkIn('w2', 2, 3, 6)];

    it('numbers booked tickets per kind and joins the line after everyone else', () => {
      spec.given(given).when(checkIn('a-2', 40), ctx(10, 't2')).then([
        expect.objectContaining({ data: expect.objectContaining({ ticketId: 't2', number: 'T-002', seq: 4 }) }),
      ]);
    });

    it('numbers a late customer among the walk-ins', () => {
      spec.given(given).when(checkIn('a-2', 0), ctx(20, 't2')).then([
        expect.objectContaining({ type: 'WalkInTicketIssued', data: expect.objectContaining({ number: 'W-003', seq: 4 }) }),
      ]);
    });

    it('does nothing on a repeated check-in of the same appointment', () => {
      spec.given(given).when(checkIn('a-t1', 30), ctx(7, 'other')).thenNothing();
    });

    it('does nothing on a repeated check-in of an appointment that was turned into a walk-in', () => {
      const late = spec.given([]).when(checkIn('a-1', 0), ctx(30, 'x1')).result;
      if (!late.ok) throw new Error('setup');
      spec.given(late.value).when(checkIn('a-1', 0), ctx(31, 'x2')).thenNothing();
    });
  });
});

describe('IssueWalkIn', () => {
  describe('on an empty day', () => {
    it('issues W-001 for walk-in services', () => {
      spec.given([]).when(issueWalkIn([line('pass', 2)]), ctx(3, 'w1')).then([
        { type: 'WalkInTicketIssued', data: { ticketId: 'w1', number: 'W-001', kind: 'walk_in', seq: 1, services: [line('pass', 2)], priority: 0, reason: 'walk_in', at: at(3) } },
      ]);
    });

    it('records the kiosk request id and the priority level', () => {
      spec.given([]).when(issueWalkIn([line('meldung')], { requestId: 'k-1', priority: 1 }), ctx(3, 'w1')).then([
        expect.objectContaining({ data: expect.objectContaining({ requestId: 'k-1', priority: 1 }) }),
      ]);
    });

    it('refuses a service that needs an appointment', () => {
      const error = spec.given([]).when(issueWalkIn([line('meldung'), line('kfz')]), ctx(3)).thenFails('service_not_walk_in', 'rule');
      expect(error.details).toEqual({ serviceId: 'kfz' });
      expect(error.message).toContain('Termin');
    });

    it('refuses an empty list, an unknown service, a bad quantity and a bad priority', () => {
      spec.given([]).when(issueWalkIn([]), ctx(3)).thenFails('services_empty');
      spec.given([]).when(issueWalkIn([line('x')]), ctx(3)).thenFails('service_unknown');
      spec.given([]).when(issueWalkIn([line('pass', -1)]), ctx(3)).thenFails('quantity_invalid');
      spec.given([]).when(issueWalkIn([line('pass')], { priority: 0.5 }), ctx(3)).thenFails('priority_invalid');
    });
  });

  describe('after other walk-ins', () => {
    const given = [walkIn('w1', 1, 1, 0), { ...walkIn('w2', 2, 2, 1), data: { ...walkIn('w2', 2, 2, 1).data, requestId: 'k-2' } } as ReturnType<typeof walkIn>];

    it('counts walk-in numbers on', () => {
      spec.given(given).when(issueWalkIn(), ctx(5, 'w3')).then([expect.objectContaining({ data: expect.objectContaining({ number: 'W-003', seq: 3 }) })]);
    });

    it('does nothing on a repeated kiosk request', () => {
      spec.given(given).when(issueWalkIn([line('meldung')], { requestId: 'k-2' }), ctx(5, 'w3')).thenNothing();
    });
  });
});
