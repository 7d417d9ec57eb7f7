import { compareForCall, pickNext } from './call-policy';
import type { WaitingTicket } from './state';
import { at, line } from './queue.test-kit';

const K = { passOverLimit: 3 };
const counter = { counterId: 's1', serviceIds: ['ausweis', 'meldung'] };

function ticket(ticketId: string, seq: number, extra: Partial<WaitingTicket> = {}): WaitingTicket {
  return {
    ticketId, number: ticketId, kind: 'walk_in', seq, services: [line('meldung')], priority: 0, issuedAt: at(seq), dueAt: at(seq),
    status: 'waiting', queuedAt: at(seq), passedOver: 0, ...extra,
  };
}
const booked = (ticketId: string, seq: number, startMinutes: number, extra: Partial<WaitingTicket> = {}) =>
  ticket(ticketId, seq, { kind: 'booked', dueAt: at(startMinutes - 5), ...extra });

const pickAt = (minutes: number, ...waiting: WaitingTicket[]) => pickNext(waiting, counter, at(minutes), K);

describe('pickNext', () => {
  it('calls nobody when no waiting ticket can be served here', () => {
    expect(pickAt(10, ticket('w1', 1, { services: [line('kfz')] }))).toBeUndefined();
    expect(pickAt(10)).toBeUndefined();
  });

  it('calls due booked customers in appointment order, before walk-ins who came earlier', () => {
    const pick = pickAt(60, ticket('w1', 1), booked('t2', 2, 60), booked('t1', 3, 45));
    expect(pick).toEqual({ ticket: expect.objectContaining({ ticketId: 't1' }), reason: 'booked_due', passedOver: ['w1', 't2'] });
  });

  it('calls walk-ins first come, first served', () => {
    expect(pickAt(10, ticket('w2', 2), ticket('w1', 1))?.ticket.ticketId).toBe('w1');
  });

  it('raises a higher priority level within its class only', () => {
    expect(pickAt(10, ticket('w1', 1), ticket('w2', 2, { priority: 1 }))?.ticket.ticketId).toBe('w2');
    expect(pickAt(60, booked('t1', 1, 50), booked('t2', 2, 60, { priority: 2 }))?.ticket.ticketId).toBe('t2');
    expect(pickAt(60, booked('t1', 1, 50), ticket('w2', 2, { priority: 2 }))?.ticket.ticketId).toBe('t1');
  });

  it('does not treat a booked customer as due before start minus the grace', () => {
    expect(pickAt(39, ticket('w1', 2), booked('t1', 1, 45))).toMatchObject({ ticket: { ticketId: 'w1' }, reason: 'walk_in', passedOver: [] });
    expect(pickAt(40, ticket('w1', 2), booked('t1', 1, 45))).toMatchObject({ ticket: { ticketId: 't1' }, reason: 'booked_due' });
  });

  it('lets an idle counter serve an early booked customer, passing nobody over', () => {
    expect(pickAt(0, booked('t2', 1, 90), booked('t1', 2, 60))).toEqual({ ticket: expect.objectContaining({ ticketId: 't1' }), reason: 'booked_early', passedOver: [] });
  });

  it('calls a ticket passed over K times before anyone, the earliest-joined of them first', () => {
    const waiting = [ticket('w1', 1, { passedOver: 3 }), ticket('w0', 0, { passedOver: 4, services: [line('ausweis')] }), booked('t1', 2, 10, { priority: 2 })];
    expect(pickAt(30, ...waiting)).toMatchObject({ ticket: { ticketId: 'w0' }, reason: 'fairness', passedOver: [] });
  });

  it('does not let a ticket reserved for another counter be called here', () => {
    expect(pickAt(10, ticket('w1', 1, { targetCounterId: 's2' }))).toBeUndefined();
    expect(pickAt(10, ticket('w1', 1, { targetCounterId: 's1' }))?.ticket.ticketId).toBe('w1');
  });

  it('orders every pair consistently (a total order)', () => {
    const a = ticket('w1', 1);
    const b = booked('t1', 2, 10);
    expect(Math.sign(compareForCall(a, b, at(30), K))).toBe(-Math.sign(compareForCall(b, a, at(30), K)));
    expect(compareForCall(a, a, at(30), K)).toBe(0);
  });
});
