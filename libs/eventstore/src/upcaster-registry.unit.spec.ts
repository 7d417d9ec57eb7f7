import { UpcastLoop } from './errors';
import { UpcasterRegistry } from './upcaster-registry';

const stored = (type: string, schemaVersion: number, data: unknown) => ({ id: 'e1', type, schemaVersion, data });

describe('UpcasterRegistry: one test per kind of schema change', () => {
  it('adds a field with a default', () => {
    const r = new UpcasterRegistry().register('AppointmentBooked', 1, (e) => ({ ...e, schemaVersion: 2, data: { ...(e.data as object), channel: 'online' } }));
    expect(r.upcast(stored('AppointmentBooked', 1, { slot: '08:00' }))).toEqual([stored('AppointmentBooked', 2, { slot: '08:00', channel: 'online' })]);
  });

  it('renames a field', () => {
    const r = new UpcasterRegistry().register('TicketCalled', 1, (e) => {
      const { desk, ...rest } = e.data as { desk: string };
      return { ...e, schemaVersion: 2, data: { ...rest, counter: desk } };
    });
    expect(r.upcast(stored('TicketCalled', 1, { desk: 'S3', ticket: 'W-004' }))[0]!.data).toEqual({ ticket: 'W-004', counter: 'S3' });
  });

  it('changes a field’s shape (minutes as a number → a duration object)', () => {
    const r = new UpcasterRegistry().register('ServiceCompleted', 1, (e) => ({ ...e, schemaVersion: 2, data: { duration: { minutes: (e.data as { minutes: number }).minutes } } }));
    expect(r.upcast(stored('ServiceCompleted', 1, { minutes: 12 }))[0]!.data).toEqual({ duration: { minutes: 12 } });
  });

  it('renames an event type (and then upcasts the renamed type further)', () => {
    const r = new UpcasterRegistry()
      .register('CustomerArrived', 1, (e) => ({ ...e, type: 'CheckedIn', schemaVersion: 1 }))
      .register('CheckedIn', 1, (e) => ({ ...e, schemaVersion: 2, data: { ...(e.data as object), kind: 'booked' } }));
    expect(r.upcast(stored('CustomerArrived', 1, { ticket: 'T-012' }))).toEqual([stored('CheckedIn', 2, { ticket: 'T-012', kind: 'booked' })]);
  });

  it('splits one event into two, with distinct derived ids', () => {
    const r = new UpcasterRegistry().register('AppointmentRescheduled', 1, (e) => {
      const d = e.data as { from: string; to: string };
      return [
        { type: 'AppointmentCancelled', schemaVersion: 1, data: { slot: d.from } },
        { type: 'AppointmentBooked', schemaVersion: 1, data: { slot: d.to } },
      ];
    });
    const out = r.upcast(stored('AppointmentRescheduled', 1, { from: '08:00', to: '09:00' }));
    expect(out.map((e) => [e.id, e.type, e.data])).toEqual([
      ['e1#0', 'AppointmentCancelled', { slot: '08:00' }],
      ['e1#1', 'AppointmentBooked', { slot: '09:00' }],
    ]);
  });

  it('chains several versions (v1 → v2 → v3) and leaves the newest version alone', () => {
    const r = new UpcasterRegistry()
      .register('HoldPlaced', 1, (e) => ({ ...e, schemaVersion: 2, data: { ...(e.data as object), quantity: 1 } }))
      .register('HoldPlaced', 2, (e) => ({ ...e, schemaVersion: 3, data: { services: [e.data] } }));
    expect(r.upcast(stored('HoldPlaced', 1, { service: 'pass' }))[0]).toEqual(stored('HoldPlaced', 3, { services: [{ service: 'pass', quantity: 1 }] }));
    const newest = stored('HoldPlaced', 3, { services: [] });
    expect(r.upcast(newest)).toEqual([newest]);
  });

  it('refuses a registration twice and stops an upcaster loop with a typed error', () => {
    const r = new UpcasterRegistry().register('A', 1, (e) => ({ ...e, type: 'B' })).register('B', 1, (e) => ({ ...e, type: 'A' }));
    expect(() => r.register('A', 1, (e) => e)).toThrow('registered twice');
    expect(() => r.upcast(stored('A', 1, {}))).toThrow(UpcastLoop);
  });
});
