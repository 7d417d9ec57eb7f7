import { activationTokenFor } from '@app/contracts';
import { addDays, type Appointment } from '@app/domain';
import type { BookingRuntime } from './booking-runtime';
import { destroyNames, futureMonday, startRuntime, TEST_ACTIVATION_KEY, testNames } from './booking.test-kit';

jest.setTimeout(60_000);
const meta = { correlationId: 'test-reschedule' };
const services = [{ serviceId: 'personalausweis', quantity: 1 }];

describe('Reschedule to another day over real JetStream (capacity 1 per slot)', () => {
  const names = testNames();
  let a: BookingRuntime;
  let b: BookingRuntime;
  let day: string;
  let nextDay: string;
  let emails = 0;

  beforeAll(async () => {
    [a, b] = [await startRuntime(names), await startRuntime(names)];
    day = futureMonday(undefined, 2);
    nextDay = addDays(day, 1);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await destroyNames(names);
  });

  /** A booked (activated) appointment; every call is another contact, so the per-contact limit stays out of the way. */
  async function booked(at: BookingRuntime, date: string, start: string): Promise<{ reference: string; email: string }> {
    const hold = await at.service.placeHold({ officeId: 'hbs', date, start, services }, meta);
    if (!hold.ok) throw new Error(hold.error.code);
    const email = `p${(emails += 1)}@example.org`;
    const contact = await at.service.submitContact({ officeId: 'hbs', date, holdId: hold.value.holdId, name: 'P', email, language: 'de' }, meta);
    if (!contact.ok) throw new Error(contact.error.code);
    await at.service.activate({ reference: contact.value.reference, token: activationTokenFor(TEST_ACTIVATION_KEY, hold.value.holdId) }, meta);
    return { reference: contact.value.reference, email };
  }

  async function appointment(at: BookingRuntime, date: string, start: string): Promise<Appointment[]> {
    const state = await at.core.latestCalendar('hbs', date);
    return state.status === 'open' ? Object.values(state.appointments).filter((x) => x.start === start) : [];
  }

  async function placeOf(at: BookingRuntime, contactKey: string) {
    at.core.contacts.evict(contactKey);
    return Object.values((await at.core.contacts.state(contactKey)).state.places);
  }

  it('moves the appointment: target booked with the same reference, source cancelled as rescheduled, place follows', async () => {
    const { reference } = await booked(a, day, '09:00');
    const moved = await b.service.reschedule({ reference, date: nextDay, start: '09:00' }, meta);
    expect(moved).toMatchObject({ ok: true, value: { reference, status: 'booked', date: nextDay, start: '09:00', maskedEmail: 'p***@example.org' } });
    expect(await a.service.get({ reference })).toMatchObject({ ok: true, value: { date: nextDay, status: 'booked' } });
    const [source] = await appointment(a, day, '09:00');
    const [target] = await appointment(a, nextDay, '09:00');
    expect(source).toMatchObject({ status: 'cancelled', reason: 'rescheduled' });
    expect(target).toMatchObject({ status: 'booked', reference, rescheduledFrom: { date: day, appointmentId: source!.appointmentId } });
    expect(await placeOf(a, target!.contactKey)).toEqual([expect.objectContaining({ status: 'confirmed', appointmentId: target!.appointmentId, date: nextDay })]);
    expect(await a.service.cancel({ reference }, meta)).toMatchObject({ ok: true, value: { status: 'cancelled', date: nextDay } });
    expect(await placeOf(a, target!.contactKey)).toEqual([expect.objectContaining({ status: 'released' })]);
  });

  it('changes nothing when the target slot is taken', async () => {
    const { reference } = await booked(a, day, '09:15');
    expect((await b.service.placeHold({ officeId: 'hbs', date: nextDay, start: '09:15', services }, meta)).ok).toBe(true);
    expect(await a.service.reschedule({ reference, date: nextDay, start: '09:15' }, meta)).toMatchObject({ ok: false, error: { code: 'no_capacity' } });
    expect(await b.service.get({ reference })).toMatchObject({ ok: true, value: { date: day, start: '09:15', status: 'booked' } });
  });

  it('finishes a move stopped after the target was booked, when the reference is next looked up', async () => {
    const { reference } = await booked(a, day, '09:30');
    const [source] = await appointment(a, day, '09:30');
    const target = await a.service.moves.book(source!, nextDay, '09:30', meta); // crash here: steps 3 and 4 never ran
    expect(target.ok).toBe(true);
    expect((await appointment(b, day, '09:30'))[0]).toMatchObject({ status: 'booked' });
    expect(await b.service.get({ reference })).toMatchObject({ ok: true, value: { date: nextDay, status: 'booked' } });
    expect((await appointment(a, day, '09:30'))[0]).toMatchObject({ status: 'cancelled', reason: 'rescheduled' });
    expect(await placeOf(a, source!.contactKey)).toEqual([expect.objectContaining({ status: 'confirmed', date: nextDay })]);
  });

  it('finishes every half-done move when an instance starts', async () => {
    const crashing = await startRuntime(names);
    await booked(crashing, day, '09:45');
    const [source] = await appointment(crashing, day, '09:45');
    expect((await crashing.service.moves.book(source!, nextDay, '09:45', meta)).ok).toBe(true);
    await crashing.close();
    const restarted = await startRuntime(names);
    try {
      expect((await appointment(restarted, day, '09:45'))[0]).toMatchObject({ status: 'cancelled', reason: 'rescheduled' });
      expect(await placeOf(restarted, source!.contactKey)).toEqual([expect.objectContaining({ status: 'confirmed', date: nextDay })]);
      expect(await restarted.service.moves.recoverMoves(meta)).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('undoes the move when the source was cancelled for another reason in between', async () => {
    const { reference } = await booked(a, day, '10:00');
    const [source] = await appointment(a, day, '10:00');
    const target = await a.service.moves.book(source!, nextDay, '10:00', meta);
    if (!target.ok) throw new Error(target.error.code);
    await b.core.onCalendar('hbs', day, { type: 'Cancel', data: { appointmentId: source!.appointmentId, reason: 'staff_decision', by: 'staff' } }, meta);
    expect(await a.service.moves.finish(target.value, meta)).toMatchObject({ ok: false, error: { code: 'already_cancelled' } });
    expect((await appointment(a, nextDay, '10:00'))[0]).toMatchObject({ status: 'cancelled', reason: 'rescheduled', by: 'system' });
    expect(await a.service.get({ reference })).toMatchObject({ ok: true, value: { date: day, status: 'cancelled' } });
    expect(await placeOf(a, source!.contactKey)).toEqual([expect.objectContaining({ status: 'released' })]);
    expect((await b.service.placeHold({ officeId: 'hbs', date: nextDay, start: '10:00', services }, meta)).ok).toBe(false); // quarantined after the undo
  });

  it('refuses to move an appointment awaiting activation', async () => {
    const hold = await a.service.placeHold({ officeId: 'hbs', date: day, start: '10:15', services }, meta);
    if (!hold.ok) throw new Error(hold.error.code);
    const contact = await a.service.submitContact({ officeId: 'hbs', date: day, holdId: hold.value.holdId, name: 'Q', email: 'q@example.org', language: 'en' }, meta);
    if (!contact.ok) throw new Error(contact.error.code);
    expect(await a.service.reschedule({ reference: contact.value.reference, date: nextDay, start: '10:15' }, meta)).toMatchObject({ ok: false, error: { code: 'not_activated' } });
  });
});

describe('ExtendHold over real JetStream', () => {
  const names = testNames();
  let a: BookingRuntime;
  let b: BookingRuntime;
  const day = futureMonday(undefined, 3);

  beforeAll(async () => {
    [a, b] = [await startRuntime(names), await startRuntime(names)];
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await destroyNames(names);
  });

  it('extends a hold twice (also from another instance), then refuses; refuses unknown and used holds', async () => {
    const hold = await a.service.placeHold({ officeId: 'hbs', date: day, start: '09:00', services }, meta);
    if (!hold.ok) throw new Error(hold.error.code);
    const { holdId } = hold.value;
    await new Promise((r) => setTimeout(r, 5));
    const once = await b.service.extendHold({ officeId: 'hbs', date: day, holdId }, meta);
    expect(once).toMatchObject({ ok: true, value: { holdId, start: '09:00' } });
    expect(once.ok && Date.parse(once.value.expiresAt)).toBeGreaterThan(Date.parse(hold.value.expiresAt));
    await new Promise((r) => setTimeout(r, 5));
    expect((await a.service.extendHold({ officeId: 'hbs', date: day, holdId }, meta)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(await b.service.extendHold({ officeId: 'hbs', date: day, holdId }, meta)).toMatchObject({ ok: false, error: { code: 'hold_extension_limit' } });
    expect(await a.service.extendHold({ officeId: 'hbs', date: day, holdId: 'nope' }, meta)).toMatchObject({ ok: false, error: { code: 'hold_unknown' } });
    await a.service.submitContact({ officeId: 'hbs', date: day, holdId, name: 'R', email: 'r@example.org', language: 'de' }, meta);
    expect(await b.service.extendHold({ officeId: 'hbs', date: day, holdId }, meta)).toMatchObject({ ok: false, error: { code: 'hold_used' } });
  });
});
