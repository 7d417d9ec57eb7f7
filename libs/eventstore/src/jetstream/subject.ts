import type { AggregateRef } from '../event-envelope';

/** The last two tokens of `<prefix>.<type>.<id>`; type and id never contain dots. */
export function aggregateFromSubjectTail(subject: string): AggregateRef {
  const tokens = subject.split('.');
  return { type: tokens[tokens.length - 2] ?? '', id: tokens[tokens.length - 1] ?? '' };
}
