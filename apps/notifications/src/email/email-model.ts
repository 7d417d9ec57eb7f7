/**
 * What the email code needs to know about an appointment, independent of the domain's event shapes:
 * a mapper (written where events are consumed) fills it from the events and the unsealed contact.
 * The recipient is personal data opened from the sealed fields only for sending; nothing here logs it.
 */
export type EmailKind = 'activation' | 'confirmation' | 'reminder' | 'cancellation' | 'rescheduled';
export const EMAIL_KINDS: readonly EmailKind[] = ['activation', 'confirmation', 'reminder', 'cancellation', 'rescheduled'];

export type EmailLanguage = 'de' | 'en';

export interface EmailRecipient {
  readonly name: string;
  readonly email: string;
}

export interface EmailOffice {
  readonly name: string;
  /** Postal address, one line each, e.g. ['Domplatz 49', '38820 Halberstadt']. */
  readonly addressLines: readonly string[];
  readonly phone?: string;
  /** Opening hours or similar hints, already in the citizen's language, one line each. */
  readonly openingInfo: readonly string[];
}

export interface EmailService {
  /** Already in the citizen's language. */
  readonly name: string;
  readonly quantity: number;
}

export interface AppointmentEmailModel {
  readonly kind: EmailKind;
  readonly language: EmailLanguage;
  readonly recipient: EmailRecipient;
  /** Appointment reference shown to the citizen and encoded in the check-in QR code, e.g. 'HBS-7K3Q9F'. */
  readonly reference: string;
  readonly office: EmailOffice;
  /** Epoch milliseconds (UTC); shown in Europe/Berlin. */
  readonly start: number;
  readonly end: number;
  readonly services: readonly EmailService[];
  /** Documents to bring, already merged and de-duplicated by the domain for all services and quantities. */
  readonly documents: readonly string[];
  /** Total fee in euro cents where known; omitted = not known in advance. */
  readonly feeCents?: number;
  /** Page where the citizen cancels or reschedules. */
  readonly manageUrl: string;
  /** Activation kind only: the link that confirms the booking (double opt-in). */
  readonly activationUrl?: string;
  readonly activationExpiresAt?: number;
  /** Rescheduled kind only: the start before the change. */
  readonly previousStart?: number;
  /** Cancellation kind only: why, already in the citizen's language (e.g. staff's note). */
  readonly cancelReason?: string;
  /** Cancellation kind: where to book a new appointment. */
  readonly bookingUrl?: string;
  /**
   * Cancellation kind: this cancels the target of a move that could not be finished (see the domain's
   * EmailJobDetails.moveUndone); the citizen learns the new time is void and where to see what stands.
   */
  readonly moveUndone?: boolean;
  /**
   * How often the appointment has been rescheduled so far (0 for a fresh booking). It becomes the
   * .ics SEQUENCE, so that calendar programs apply a later update over an earlier one.
   */
  readonly revision?: number;
}

export interface EmailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
  /** Set for inline images referenced from the HTML as `cid:<cid>`. */
  readonly cid?: string;
}

export interface ComposedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly EmailAttachment[];
}
