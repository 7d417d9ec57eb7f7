import { calendarDecider } from '../calendar/decide';
import { ausweis, bookedAt, catalog, context, DAY, heldAt, NOW } from '../calendar/calendar.test-kit';
import extraRaw from '../../../../config/catalog.example-extra-service.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { availability } from './availability';

const fold = (events: Parameters<typeof calendarDecider.evolve>[1][]) => events.reduce(calendarDecider.evolve, calendarDecider.initialState);
const startsOn = (result: ReturnType<typeof availability>, date: string) => (result.ok ? result.value.find((d) => d.date === date)?.starts : undefined);

describe('availability', () => {
  it('offers every slot of an empty Tuesday in which the whole appointment fits', () => {
    const result = availability(catalog, 'hbs', [{ serviceId: 'reisepass', quantity: 2 }], { from: DAY, to: DAY }, {}, NOW);
    const starts = startsOn(result, DAY)!;
    expect(starts[0]).toBe('08:00');
    expect(starts).toContain('11:30');
    expect(starts).not.toContain('11:45');
    expect(starts).toContain('13:00');
    expect(starts[starts.length - 1]).toBe('15:00');
    expect(starts).toHaveLength(15 + 9);
  });

  it('leaves out full slots and frees them when holds expire', () => {
    const calendars = { [DAY]: fold([...heldAt('09:00', 'a'), ...bookedAt('09:00', 'b')]) };
    expect(startsOn(availability(catalog, 'hbs', ausweis, { from: DAY, to: DAY }, calendars, NOW), DAY)).not.toContain('09:00');
    expect(startsOn(availability(catalog, 'hbs', ausweis, { from: DAY, to: DAY }, calendars, NOW + 10 * 60_000), DAY)).toContain('09:00');
  });

  it('marks closed days with their reason and offers nothing outside the booking window', () => {
    const result = availability(catalog, 'hbs', ausweis, { from: '2026-11-23', to: '2026-11-29' }, {}, NOW);
    expect(result.ok && result.value.map((d) => [d.date, d.open, d.starts.length])).toEqual([
      ['2026-11-23', true, 0], ['2026-11-24', true, 26], ['2026-11-25', true, 16], ['2026-11-26', true, 36],
      ['2026-11-27', true, 16], ['2026-11-28', true, 12], ['2026-11-29', false, 0],
    ]);
    const christmas = availability(catalog, 'hbs', ausweis, { from: '2026-12-25', to: '2026-12-25' }, {}, NOW);
    expect(christmas.ok && christmas.value[0]).toEqual({ date: '2026-12-25', open: false, closedReason: { de: '1. Weihnachtstag', en: 'Christmas Day' }, starts: [] });
  });

  it('agrees with decide on a sample day', () => {
    const state = fold([...heldAt('09:00', 'a'), ...heldAt('09:15', 'b')]);
    const starts = startsOn(availability(catalog, 'hbs', ausweis, { from: DAY, to: DAY }, { [DAY]: state }, NOW), DAY)!;
    for (const start of starts) {
      expect(calendarDecider.decide({ type: 'PlaceHold', data: { officeId: 'hbs', date: DAY, start, services: ausweis } }, state, context()).ok).toBe(true);
    }
  });

  it('offers a service that was added to the catalogue only', () => {
    const extra = parseCatalog(extraRaw);
    if (!extra.ok) throw new Error(extra.error.message);
    const result = availability(extra.value, 'hbs', [{ serviceId: 'beglaubigung', quantity: 3 }], { from: DAY, to: DAY }, {}, NOW);
    expect(startsOn(result, DAY)).toContain('08:00');
  });

  it('refuses an unknown office, bad services and a bad range', () => {
    const code = (r: ReturnType<typeof availability>) => (r.ok ? 'ok' : r.error.code);
    expect(code(availability(catalog, 'qlb', ausweis, { from: DAY, to: DAY }, {}, NOW))).toBe('unknown_office');
    expect(code(availability(catalog, 'hbs', [{ serviceId: 'x', quantity: 1 }], { from: DAY, to: DAY }, {}, NOW))).toBe('unknown_service');
    expect(code(availability(catalog, 'hbs', ausweis, { from: DAY, to: '2026-11-01' }, {}, NOW))).toBe('invalid_range');
    expect(code(availability(catalog, 'hbs', ausweis, { from: DAY, to: '2027-06-01' }, {}, NOW))).toBe('invalid_range');
    expect(code(availability(catalog, 'hbs', ausweis, { from: 'morgen', to: DAY }, {}, NOW))).toBe('invalid_time');
  });
});
