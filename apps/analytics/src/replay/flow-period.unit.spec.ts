import { parsePeriod, periodDays } from './flow-period';

const offices = ['hbs', 'wrn'];

describe('parsePeriod', () => {
  it('accepts a period with or without an office', () => {
    expect(parsePeriod({ officeId: 'hbs', from: '2026-11-01', to: '2026-11-30' }, offices)).toEqual({ ok: true, value: { officeId: 'hbs', from: '2026-11-01', to: '2026-11-30' } });
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-01' }, offices)).toEqual({ ok: true, value: { from: '2026-11-01', to: '2026-11-01' } });
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['01.11.2026'], [undefined]])('refuses the date %s as bad_date', (from) => {
    const r = parsePeriod({ from, to: '2026-11-30' }, offices);
    expect(r.ok ? undefined : r.error.code).toBe('bad_date');
  });

  it('refuses from after to, an overlong range and an unknown office, saying which', () => {
    const codes = [
      parsePeriod({ from: '2026-11-02', to: '2026-11-01' }, offices),
      parsePeriod({ from: '2025-01-01', to: '2026-12-31' }, offices),
      parsePeriod({ officeId: 'xyz', from: '2026-11-01', to: '2026-11-01' }, offices),
    ].map((r) => (r.ok ? undefined : r.error.code));
    expect(codes).toEqual(['bad_range', 'range_too_long', 'unknown_office']);
    const unknown = parsePeriod({ officeId: 'xyz', from: '2026-11-01', to: '2026-11-01' }, offices);
    expect(unknown.ok ? '' : unknown.error.messageEn).toContain('Known: hbs, wrn');
  });

  it('lists the days of a period across a month end', () => {
    expect(periodDays({ from: '2026-11-29', to: '2026-12-02' })).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });
});
