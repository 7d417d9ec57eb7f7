import type { EmailKindName, MailEvent } from '@app/domain';

/** The kinds whose failure leaves a citizen uninformed about an appointment they still hold. */
const WATCHED_KINDS = ['activation', 'confirmation', 'reminder'] as const;
type WatchedKind = (typeof WATCHED_KINDS)[number];

/** The latest failure of one watched email of an appointment, as staff need it to act (call the citizen). */
export interface EmailFailure {
  readonly kind: WatchedKind;
  /** Stable code from notifications, e.g. `recipient-rejected`, `contact-erased`. */
  readonly reason: string;
  readonly permanent: boolean;
  readonly failedAt: number;
}

interface KindOutcome {
  readonly jobId: string;
  readonly failure?: EmailFailure;
}

/** Per appointment, per watched kind: the latest outcome. Kept apart from the expected appointments, because
 * the mail aggregate is read separately from the calendar and may be folded before the booking is known. */
export type EmailOutcomes = ReadonlyMap<string, Readonly<Partial<Record<WatchedKind, KindOutcome>>>>;

const isWatched = (kind: EmailKindName): kind is WatchedKind => (WATCHED_KINDS as readonly string[]).includes(kind);

/**
 * Folds one `mail` event. The latest outcome of a kind wins: a later `EmailSent` of that kind clears a
 * failure, a later failure (e.g. of a rescheduled reminder's new job) sets it again. A failure of the
 * very job already seen sent is ignored, as the mail decider never records one over a success.
 */
export function evolveEmailOutcomes(current: EmailOutcomes, event: MailEvent): EmailOutcomes {
  const d = event.data;
  if (!isWatched(d.kind)) return current;
  const kinds = current.get(d.appointmentId) ?? {};
  const previous = kinds[d.kind];
  let next: KindOutcome;
  switch (event.type) {
    case 'EmailSent':
      next = { jobId: d.jobId };
      break;
    case 'EmailFailed':
      if (previous !== undefined && previous.jobId === d.jobId && previous.failure === undefined) return current;
      next = { jobId: d.jobId, failure: { kind: d.kind, reason: event.data.reason, permanent: event.data.permanent, failedAt: event.data.failedAt } };
      break;
    default:
      return current;
  }
  return new Map(current).set(d.appointmentId, { ...kinds, [d.kind]: next });
}

/** The appointment's most recent unresolved failure among the watched kinds, if any. */
export function emailFailureOf(outcomes: EmailOutcomes, appointmentId: string): EmailFailure | undefined {
  const kinds = outcomes.get(appointmentId);
  if (kinds === undefined) return undefined;
  let latest: EmailFailure | undefined;
  for (const kind of WATCHED_KINDS) {
    const failure = kinds[kind]?.failure;
    if (failure !== undefined && (latest === undefined || failure.failedAt > latest.failedAt)) latest = failure;
  }
  return latest;
}
