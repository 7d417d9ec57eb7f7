import { fromZoned } from '../shared/local-time';
import type { Catalog } from '../catalog/catalog.schema';
import { shippedCatalog } from '../catalog/catalog.fixture';
import type { ServiceLine } from '../catalog/service-selection';
import type { CalendarCommand, PlaceHold, SubmitContact } from './commands';
import { calendarDecider } from './decide';
import type { CalendarEvent } from './events';
import type { CalendarContext } from './state';

/** Shared test setup: Monday 23 Nov 2026, 10:00 in Halberstadt; the calendar under test is Tuesday's. */
export const BERLIN = 'Europe/Berlin';
export const catalog = shippedCatalog();
export const DAY = '2026-11-24';
export const NOW = fromZoned('2026-11-23', '10:00', BERLIN);
export const MIN = 60_000;
export const at = (date: string, time: string) => fromZoned(date, time, BERLIN);

export function withBooking(patch: Partial<Catalog['offices'][number]['booking']>, base: Catalog = catalog): Catalog {
  return { ...base, offices: base.offices.map((o) => ({ ...o, booking: { ...o.booking, ...patch } })) };
}

/** A context whose ids count up (`id-1`, `id-2`, …), so expected events can be written out. */
export function context(now = NOW, cat: Catalog = catalog, prefix = 'id'): CalendarContext {
  let n = 0;
  return { now, catalog: cat, newId: () => `${prefix}-${++n}` };
}

export const ausweis: ServiceLine[] = [{ serviceId: 'personalausweis', quantity: 1 }];

export const placeHold = (start: string, services: readonly ServiceLine[] = ausweis, extra: Partial<PlaceHold['data']> = {}): PlaceHold => ({
  type: 'PlaceHold', data: { officeId: 'hbs', date: DAY, start, services, ...extra },
});

export const submitContact = (holdId: string, contactKey = 'ck-anna', extra: Partial<SubmitContact['data']> = {}): SubmitContact => ({
  type: 'SubmitContact',
  data: { holdId, reference: 'HBS-7K3Q9F', sealedContact: { v: 1, box: 'sealed-bytes' }, contactKey, language: 'de', activationTokenHash: 'hash-of-token', ...extra },
});

/** Runs commands one after another and returns all events; throws on a refusal (for building history). */
export function history(steps: readonly [CalendarCommand, CalendarContext][], start: readonly CalendarEvent[] = []): CalendarEvent[] {
  const events = [...start];
  for (const [command, ctx] of steps) {
    const state = events.reduce(calendarDecider.evolve, calendarDecider.initialState);
    const result = calendarDecider.decide(command, state, ctx);
    if (!result.ok) throw new Error(`setup refused ${command.type}: ${result.error.code}`);
    events.push(...result.value);
  }
  return events;
}

/** A hold at `start` by id `holdId`, placed at NOW. */
export const heldAt = (start: string, holdId: string, services = ausweis, now = NOW) => history([[placeHold(start, services, { holdId }), context(now)]]);

/** A booked (activated) appointment `appt-<holdId>` at `start` for `contactKey`. */
export function bookedAt(start: string, holdId: string, contactKey = 'ck-anna', before: readonly CalendarEvent[] = []): CalendarEvent[] {
  const idCtx = { ...context(NOW), newId: () => `appt-${holdId}` };
  return history([
    [placeHold(start, ausweis, { holdId }), context(NOW)],
    [submitContact(holdId, contactKey), idCtx],
    [{ type: 'Activate', data: { appointmentId: `appt-${holdId}`, tokenHash: 'hash-of-token' } }, context(NOW + MIN)],
  ], before);
}
