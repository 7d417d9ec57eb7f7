import { activationTokenFor } from '@app/contracts';
import { addDays } from '@app/domain';
import type { BookingRuntime } from './booking-runtime';
import { destroyNames, futureMonday, startRuntime, TEST_ACTIVATION_KEY, testNames } from './booking.test-kit';

const meta = { correlationId: 'test' };
const services = [{ serviceId: 'personalausweis', quantity: 1 }];

describe('BookingService over real JetStream', () => {
  const names = testNames();
  let a: BookingRuntime;
  let b: BookingRuntime;
  let day: string;

  beforeAll(async () => {
    a = await startRuntime(names);
    b = await startRuntime(names);
    const from = futureMonday();
    const found = await a.service.availability({ officeId: 'hbs', services, from, to: addDays(from, 13) });
    if (!found.ok) throw new Error(found.error.code);
    day = found.value.days.find((d) => d.times.includes('09:00'))!.date;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await destroyNames(names);
  });

  it('books the whole way: hold, contact, activation, lookup by reference on another instance, cancel', async () => {
    const hold = await a.service.placeHold({ officeId: 'hbs', date: day, start: '09:00', services }, meta);
    expect(hold).toMatchObject({ ok: true, value: { start: '09:00', end: '09:15', date: day } });
    if (!hold.ok) return;
    const contact = await a.service.submitContact({ officeId: 'hbs', date: day, holdId: hold.value.holdId, name: 'Anna Muster', email: 'anna@example.org', language: 'de' }, meta);
    expect(contact).toMatchObject({ ok: true, value: { status: 'awaiting_activation' } });
    if (!contact.ok) return;
    const reference = contact.value.reference;
    expect(await b.service.activate({ reference, token: 'wrong' }, meta)).toMatchObject({ ok: false, error: { code: 'activation_token_invalid' } });
    const activated = await b.service.activate({ reference, token: activationTokenFor(TEST_ACTIVATION_KEY, hold.value.holdId) }, meta);
    expect(activated).toMatchObject({ ok: true, value: { status: 'booked', maskedEmail: 'a***@example.org', reference } });
    expect(await a.service.get({ reference })).toMatchObject({ ok: true, value: { status: 'booked' } });
    expect(await a.service.cancel({ reference }, meta)).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect(await b.service.get({ reference })).toMatchObject({ ok: true, value: { status: 'cancelled' } });
  });

  it('refuses a second hold on a full slot, also from another instance', async () => {
    expect((await a.service.placeHold({ officeId: 'hbs', date: day, start: '10:00', services }, meta)).ok).toBe(true);
    expect(await b.service.placeHold({ officeId: 'hbs', date: day, start: '10:00', services }, meta)).toMatchObject({ ok: false, error: { code: 'no_capacity', kind: 'conflict' } });
  });

  it('shows on one instance the times another instance has taken since it last read that day', async () => {
    const before = await a.service.availability({ officeId: 'hbs', services, from: day, to: day });
    if (!before.ok) throw new Error(before.error.code);
    const last = before.value.days[0]!.times.at(-1)!; // the other tests hold earlier times of this day
    expect((await b.service.placeHold({ officeId: 'hbs', date: day, start: last, services }, meta)).ok).toBe(true);
    const after = await a.service.availability({ officeId: 'hbs', services, from: day, to: day });
    expect(after.ok && after.value.days[0]!.times).not.toContain(last);
  });

  it('follows the calendars once another writer shows, then brings its writes into the cache as they happen, without a read', async () => {
    await b.core.calendar('hbs', day); // cached on b
    const first = await a.service.placeHold({ officeId: 'hbs', date: day, start: '14:00', services }, meta);
    expect(first.ok).toBe(true);
    await b.core.latestCalendar('hbs', day); // b finds its cached day behind the log: a writes too
    for (let i = 0; i < 100 && !b.calendarFollower.following; i++) await new Promise((r) => setTimeout(r, 20));
    expect(b.calendarFollower.following).toBe(true);
    const reads = jest.spyOn(b.store, 'readAggregate');
    const hold = await a.service.placeHold({ officeId: 'hbs', date: day, start: '14:15', services }, meta);
    if (!hold.ok) throw new Error(hold.error.code);
    for (let i = 0; i < 100; i++) {
      const seen = await b.core.calendar('hbs', day);
      if (seen.status === 'open' && seen.holds[hold.value.holdId]) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await b.core.calendar('hbs', day)).toMatchObject({ holds: { [hold.value.holdId]: { start: '14:15' } } });
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it('lets exactly one of 100 concurrent holds from two instances win a slot of capacity 1', async () => {
    const tries = Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).service.placeHold({ officeId: 'hbs', date: day, start: '11:00', services }, meta));
    const results = await Promise.all(tries);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'no_capacity')).toHaveLength(99);
  });

  it('enforces the per-contact limit across days (3 open appointments)', async () => {
    const book = async (date: string, start: string) => {
      const hold = await a.service.placeHold({ officeId: 'hbs', date, start, services }, meta);
      if (!hold.ok) throw new Error(hold.error.code);
      return a.service.submitContact({ officeId: 'hbs', date, holdId: hold.value.holdId, name: 'Bea', email: 'Bea@Example.org ', language: 'en' }, meta);
    };
    for (const start of ['08:00', '08:15', '08:30']) expect((await book(day, start)).ok).toBe(true);
    expect(await book(addDays(day, 1), '08:00')).toMatchObject({ ok: false, error: { code: 'contact_limit', kind: 'rule' } });
  });

  it('reschedules within the day and refuses an unknown reference', async () => {
    const hold = await a.service.placeHold({ officeId: 'hbs', date: day, start: '13:00', services }, meta);
    if (!hold.ok) throw new Error(hold.error.code);
    const contact = await a.service.submitContact({ officeId: 'hbs', date: day, holdId: hold.value.holdId, name: 'C', email: 'c@example.org', language: 'de' }, meta);
    if (!contact.ok) throw new Error(contact.error.code);
    const reference = contact.value.reference;
    expect(await a.service.reschedule({ reference, date: day, start: '13:30' }, meta)).toMatchObject({ ok: false, error: { code: 'not_activated' } });
    await a.service.activate({ reference, token: activationTokenFor(TEST_ACTIVATION_KEY, hold.value.holdId) }, meta);
    expect(await b.service.reschedule({ reference, date: day, start: '13:30' }, meta)).toMatchObject({ ok: true, value: { start: '13:30' } });
    expect(await a.service.get({ reference: 'HBS-ZZZZZZZZ' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('A booking instance that writes alone', () => {
  const names = testNames();
  let only: BookingRuntime;
  beforeAll(async () => (only = await startRuntime(names)));
  afterAll(async () => {
    await only?.close();
    await destroyNames(names);
  });

  it('does not follow the log: every commit there is its own', async () => {
    const date = futureMonday();
    for (const start of ['08:00', '08:15', '08:30']) {
      const hold = await only.service.placeHold({ officeId: 'hbs', date, start, services }, meta);
      if (!hold.ok) throw new Error(hold.error.code);
      expect((await only.service.submitContact({ officeId: 'hbs', date, holdId: hold.value.holdId, name: 'Ada', email: `ada-${start.replace(':', '')}@example.org`, language: 'de' }, meta)).ok).toBe(true);
    }
    expect(await only.service.availability({ officeId: 'hbs', services, from: date, to: date })).toMatchObject({ ok: true });
    expect(only.calendarFollower.following).toBe(false);
  });
});
