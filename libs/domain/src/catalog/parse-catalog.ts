import type { ZodIssue } from 'zod';
import { invalid, type DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import { timeToMinutes } from '../shared/local-time';
import { catalogSchema, type Catalog, type Office, type Service } from './catalog.schema';

/**
 * Reads the catalogue file. Every problem is reported with its path (`services[2].minutes: must be a
 * positive integer`) so that whoever edits the file can fix all of them in one go.
 */
export function parseCatalog(json: unknown): Result<Catalog, DomainError> {
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) return fail(catalogInvalid(parsed.error.issues.map(formatIssue)));
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? fail(catalogInvalid(problems)) : ok(parsed.data);
}

function catalogInvalid(issues: string[]): DomainError {
  return invalid(
    'catalog_invalid',
    { de: `Der Katalog ist ungültig: ${issues.join('; ')}`, en: `The catalogue is invalid: ${issues.join('; ')}` },
    { issues },
  );
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function formatIssue(issue: ZodIssue): string {
  const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;
  return `${formatPath(issue.path) || '(root)'}: ${message}`;
}

function crossCheck(catalog: Catalog): string[] {
  const serviceIds = new Set(catalog.services.map((s) => s.id));
  return [
    ...duplicates(catalog.services.map((s) => s.id), 'services'),
    ...duplicates(catalog.offices.map((o) => o.id), 'offices'),
    ...catalog.services.flatMap((s, i) => checkService(s, `services[${i}]`, serviceIds)),
    ...catalog.offices.flatMap((o, i) => checkOffice(o, `offices[${i}]`, serviceIds)),
  ];
}

function duplicates(ids: readonly string[], at: string): string[] {
  return ids.flatMap((value, i) => (ids.indexOf(value) !== i ? [`${at}[${i}].id: duplicate id "${value}"`] : []));
}

function checkService(service: Service, at: string, serviceIds: ReadonlySet<string>): string[] {
  const problems = service.combinableWith.flatMap((other, j) =>
    !serviceIds.has(other) ? [`${at}.combinableWith[${j}]: unknown service "${other}"`]
    : other === service.id ? [`${at}.combinableWith[${j}]: a service cannot list itself (use maxQuantity)`] : [],
  );
  const reduced = service.fee.reducedUnder24Cents;
  if (reduced !== undefined && reduced > service.fee.cents) problems.push(`${at}.fee.reducedUnder24Cents: must not exceed fee.cents`);
  return problems;
}

function checkOffice(office: Office, at: string, serviceIds: ReadonlySet<string>): string[] {
  const slot = office.booking.slotMinutes;
  const problems: string[] = [...duplicates(office.counters.map((c) => c.id), `${at}.counters`)];
  for (const [day, intervals] of Object.entries(office.openingHours)) {
    problems.push(...checkIntervals(intervals ?? [], `${at}.openingHours.${day}`, slot));
  }
  office.counters.forEach((counter, c) =>
    counter.services.forEach((s, j) => {
      if (!serviceIds.has(s)) problems.push(`${at}.counters[${c}].services[${j}]: unknown service "${s}"`);
    }),
  );
  office.onlineCapacity.forEach((band, b) => {
    problems.push(...checkInterval(band, `${at}.onlineCapacity[${b}]`, slot));
    if (band.parallel > office.counters.length) problems.push(`${at}.onlineCapacity[${b}].parallel: must not exceed the number of counters (${office.counters.length})`);
  });
  if (office.booking.window.minDays > office.booking.window.maxDays) problems.push(`${at}.booking.window: minDays must not exceed maxDays`);
  return problems;
}

type Interval = { readonly from: string; readonly to: string };

/** Intervals must be ordered, non-overlapping and on the slot grid, so every slot lies wholly inside or outside. */
function checkIntervals(intervals: readonly Interval[], at: string, slot: number): string[] {
  return intervals.flatMap((interval, i) => {
    const problems = checkInterval(interval, `${at}[${i}]`, slot);
    const previous = intervals[i - 1];
    if (previous && timeToMinutes(interval.from) < timeToMinutes(previous.to)) problems.push(`${at}[${i}]: overlaps or precedes the interval before it`);
    return problems;
  });
}

function checkInterval(interval: Interval, at: string, slot: number): string[] {
  const from = timeToMinutes(interval.from);
  const to = timeToMinutes(interval.to);
  const problems: string[] = [];
  if (from >= to) problems.push(`${at}: "from" must be before "to"`);
  if (from % slot !== 0 || to % slot !== 0) problems.push(`${at}: times must lie on the ${slot}-minute slot grid`);
  return problems;
}
