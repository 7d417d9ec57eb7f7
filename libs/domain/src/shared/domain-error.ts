/**
 * Every refusal the system can give, as plain data with a stable code. Each edge maps the `kind` once:
 * HTTP → problem details status, NATS → error envelope, BullMQ → retry or not.
 *
 * `kind` says what sort of failure it is (and so which HTTP status); `code` is the stable, specific
 * reason (`outside_opening_hours`, `slot_taken`) that clients may branch on; `message` is German, the
 * office's language, and `messageEn` English.
 */
export type ErrorKind =
  | 'invalid' //       400: the input itself is malformed
  | 'unauthorized' //  401
  | 'forbidden' //     403
  | 'not_found' //     404
  | 'conflict' //      409: taken, concurrent change, already done differently
  | 'rule' //          422: well-formed but a business rule refuses it
  | 'too_many' //      429
  | 'unavailable'; //  503: a dependency is down

export interface DomainError {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

type Text = { de: string; en: string };

function make(kind: ErrorKind) {
  return (code: string, text: Text, details?: Record<string, unknown>): DomainError =>
    details === undefined
      ? { kind, code, message: text.de, messageEn: text.en }
      : { kind, code, message: text.de, messageEn: text.en, details };
}

export const invalid = make('invalid');
export const ruleViolation = make('rule');
export const notFound = make('not_found');
export const conflict = make('conflict');
export const forbidden = make('forbidden');
export const unauthorized = make('unauthorized');
export const tooMany = make('too_many');
export const unavailable = make('unavailable');

export function isDomainError(value: unknown): value is DomainError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<DomainError>;
  return typeof candidate.kind === 'string' && typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
