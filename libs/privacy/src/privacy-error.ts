import type { DomainError, ErrorKind } from '@app/domain';

/**
 * Every way sealing or opening personal data can fail, with a stable code. The texts are fixed per
 * code on purpose: no message is ever built from field values, keys or wrapped keys, so an error can be
 * logged or sent to a client without leaking what it was about. Only the subject id (an appointment id,
 * not personal data) may appear in `details`.
 */
export type PrivacyErrorCode =
  | 'invalid_subject_id'
  | 'invalid_fields'
  | 'subject_erased'
  | 'sealed_data_malformed'
  | 'sealed_data_unauthentic'
  | 'master_key_unknown'
  | 'master_key_mismatch'
  | 'stored_key_malformed'
  | 'master_keyring_invalid'
  | 'pepper_invalid';

type Text = { kind: ErrorKind; de: string; en: string };

const TEXTS: Record<PrivacyErrorCode, Text> = {
  invalid_subject_id: {
    kind: 'invalid',
    de: 'Die Kennung der betroffenen Person ist ungültig (erlaubt: A–Z, a–z, 0–9, _ und -).',
    en: 'The data subject id is invalid (allowed: A–Z, a–z, 0–9, _ and -).',
  },
  invalid_fields: {
    kind: 'invalid',
    de: 'Personenbezogene Daten müssen ein Objekt aus Texten sein.',
    en: 'Personal data must be an object of strings.',
  },
  subject_erased: {
    kind: 'rule',
    de: 'Die Daten dieser Person wurden endgültig gelöscht; es können keine neuen gespeichert werden.',
    en: "This subject's data has been erased for good; no new data can be sealed for it.",
  },
  sealed_data_malformed: {
    kind: 'invalid',
    de: 'Die verschlüsselten Daten haben kein gültiges Format.',
    en: 'The sealed data is not well-formed.',
  },
  sealed_data_unauthentic: {
    kind: 'invalid',
    de: 'Die verschlüsselten Daten wurden verändert oder gehören zu einer anderen Person.',
    en: 'The sealed data was altered or belongs to another subject.',
  },
  master_key_unknown: {
    kind: 'unavailable',
    de: 'Der benötigte Hauptschlüssel ist nicht konfiguriert.',
    en: 'The master key needed is not configured.',
  },
  master_key_mismatch: {
    kind: 'unavailable',
    de: 'Der Hauptschlüssel passt nicht zum gespeicherten Datenschlüssel (falscher Schlüssel konfiguriert?).',
    en: 'The master key does not unwrap the stored data key (wrong key configured?).',
  },
  stored_key_malformed: {
    kind: 'unavailable',
    de: 'Der gespeicherte Datenschlüssel hat kein gültiges Format.',
    en: 'The stored data key is not well-formed.',
  },
  master_keyring_invalid: {
    kind: 'invalid',
    de: 'Die Hauptschlüssel-Konfiguration ist ungültig.',
    en: 'The master key configuration is invalid.',
  },
  pepper_invalid: {
    kind: 'invalid',
    de: 'Der Pepper für Kontakt-Schlüssel fehlt oder ist zu kurz.',
    en: 'The pepper for contact keys is missing or too short.',
  },
};

export class PrivacyError extends Error {
  override readonly name = 'PrivacyError';
  readonly kind: ErrorKind;
  readonly messageEn: string;

  constructor(
    readonly code: PrivacyErrorCode,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown; explain?: { de: readonly string[]; en: readonly string[] } },
  ) {
    // `explain` is for configuration errors only, whose listed problems name entries and lengths,
    // never key material.
    const { explain, ...errorOptions } = options ?? {};
    super(withReasons(TEXTS[code].de, explain?.de), errorOptions);
    this.kind = TEXTS[code].kind;
    this.messageEn = withReasons(TEXTS[code].en, explain?.en);
  }

  toDomainError(): DomainError {
    const base = { kind: this.kind, code: this.code, message: this.message, messageEn: this.messageEn };
    return this.details === undefined ? base : { ...base, details: this.details };
  }
}

function withReasons(text: string, reasons: readonly string[] | undefined): string {
  return reasons === undefined || reasons.length === 0 ? text : `${text} ${reasons.join('; ')}`;
}

export function isPrivacyError(value: unknown, code?: PrivacyErrorCode): value is PrivacyError {
  return value instanceof PrivacyError && (code === undefined || value.code === code);
}
