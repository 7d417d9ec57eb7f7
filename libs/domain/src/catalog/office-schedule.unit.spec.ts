import { shippedCatalog } from './catalog.fixture';
import { closureOn, onlineCapacityAt, openingIntervals, someCounterHandles } from './office-schedule';

const office = shippedCatalog().offices[0];

describe('the office schedule of Halberstadt', () => {
  it('is closed on public holidays, ad-hoc closing days and Sundays, with the reason', () => {
    expect(closureOn(office, '2026-10-31')).toEqual({ de: 'Reformationstag', en: 'Reformation Day' });
    expect(closureOn(office, '2026-12-24')?.de).toBe('Heiligabend');
    expect(closureOn(office, '2026-11-29')?.de).toBe('Ruhetag');
    expect(closureOn(office, '2026-11-24')).toBeUndefined();
  });

  it('has a lunch break on Mondays, a long Thursday and a Saturday morning', () => {
    expect(openingIntervals(office, '2026-11-23')).toEqual([{ from: 480, to: 720 }, { from: 780, to: 930 }]);
    expect(openingIntervals(office, '2026-11-26')).toEqual([{ from: 480, to: 720 }, { from: 780, to: 1080 }]);
    expect(openingIntervals(office, '2026-11-28')).toEqual([{ from: 540, to: 720 }]);
    expect(openingIntervals(office, '2026-10-31')).toEqual([]);
  });

  it('keeps two of four counters for walk-ins in the morning and one in the afternoon', () => {
    expect(onlineCapacityAt(office, '2026-11-24', 8 * 60)).toBe(2);
    expect(onlineCapacityAt(office, '2026-11-24', 14 * 60)).toBe(3);
    expect(onlineCapacityAt(office, '2026-11-28', 9 * 60)).toBe(1);
    expect(onlineCapacityAt(office, '2026-11-24', 12 * 60)).toBe(0);
  });

  it('knows which services some counter can handle together', () => {
    expect(someCounterHandles(office, ['reisepass', 'anmeldung'])).toBe(true);
    expect(someCounterHandles(office, ['reisepass', 'hundesteuer'])).toBe(false);
  });
});
