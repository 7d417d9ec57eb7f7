import { easterSunday, publicHolidayOn, publicHolidaysSaxonyAnhalt } from './holidays';

describe('public holidays of Saxony-Anhalt', () => {
  it('finds Easter Sunday by the Gauss/Anonymous algorithm', () => {
    const known: Record<number, string> = {
      2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2038: '2038-04-25', 2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('lists the eleven statutory holidays of 2026 in date order', () => {
    expect(publicHolidaysSaxonyAnhalt(2026).map((h) => `${h.date} ${h.name.de}`)).toEqual([
      '2026-01-01 Neujahr', '2026-01-06 Heilige Drei Könige', '2026-04-03 Karfreitag', '2026-04-06 Ostermontag',
      '2026-05-01 Tag der Arbeit', '2026-05-14 Christi Himmelfahrt', '2026-05-25 Pfingstmontag',
      '2026-10-03 Tag der Deutschen Einheit', '2026-10-31 Reformationstag', '2026-12-25 1. Weihnachtstag', '2026-12-26 2. Weihnachtstag',
    ]);
  });

  it('answers for a single day, in any year', () => {
    expect(publicHolidayOn('2027-03-26')?.name.en).toBe('Good Friday');
    expect(publicHolidayOn('2027-03-29')?.name.de).toBe('Ostermontag');
    expect(publicHolidayOn('2026-11-24')).toBeUndefined();
  });
});
