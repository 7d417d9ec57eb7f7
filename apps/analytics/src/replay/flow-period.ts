import { addDays, daysBetween, fail, invalid, LOCAL_DATE, notFound, ok, type DomainError, type FlowPeriod, type Result } from '@app/domain';
import { MAX_RANGE_DAYS } from '@app/contracts/analytics';

/**
 * Checks a period before anything is read: a real calendar date (2026-02-30 is refused, not rolled
 * over), `from` not after `to`, a bounded range, and an office the catalogue knows. Each refusal has a
 * stable code and says what is wrong in German and English.
 */
export function parsePeriod(input: { officeId?: string; from?: string; to?: string }, knownOffices: readonly string[]): Result<FlowPeriod, DomainError> {
  for (const key of ['from', 'to'] as const) {
    const value = input[key];
    if (value === undefined || !isRealDate(value)) {
      return fail(invalid('bad_date', { de: `„${key}“ ist kein gültiges Datum (JJJJ-MM-TT): ${value ?? 'fehlt'}`, en: `"${key}" is not a valid date (YYYY-MM-DD): ${value ?? 'missing'}` }, { field: key, value }));
    }
  }
  const from = input.from!;
  const to = input.to!;
  if (from > to) return fail(invalid('bad_range', { de: `„from“ (${from}) liegt nach „to“ (${to}).`, en: `"from" (${from}) is after "to" (${to}).` }, { from, to }));
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    return fail(invalid('range_too_long', { de: `Höchstens ${MAX_RANGE_DAYS} Tage auf einmal.`, en: `At most ${MAX_RANGE_DAYS} days at once.` }, { from, to }));
  }
  const officeId = input.officeId === undefined || input.officeId === '' ? undefined : input.officeId;
  if (officeId !== undefined && !knownOffices.includes(officeId)) {
    return fail(notFound('unknown_office', { de: `Unbekanntes Amt „${officeId}“. Bekannt: ${knownOffices.join(', ')}.`, en: `Unknown office "${officeId}". Known: ${knownOffices.join(', ')}.` }, { officeId, known: knownOffices }));
  }
  return ok(officeId === undefined ? { from, to } : { from, to, officeId });
}

/** A date that survives the round trip through the calendar (rejects 2026-02-30). */
export function isRealDate(value: string): boolean {
  return LOCAL_DATE.test(value) && addDays(value, 0) === value;
}

/** Days of the period, in order. */
export function periodDays(period: FlowPeriod): string[] {
  const days: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push(d);
  return days;
}
