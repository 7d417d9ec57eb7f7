import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, ID_PATTERN, LocalizedTextSchema, ServiceLineSchema, TIME_PATTERN } from './common.schemas';

/** Mirrors of libs/contracts/src/booking-http.ts (the source of truth; change them together). */

const date = (description: string, example = '2026-12-01') => ({ type: String, format: 'date', pattern: DATE_PATTERN, example, description });
const time = (description: string, example = '09:00') => ({ type: String, pattern: TIME_PATTERN, example, description });
const instant = (description: string, example = '2026-12-01T08:00:00.000Z') => ({ type: String, format: 'date-time', example, description });

class AddressSchema {
  @ApiProperty({ type: String, example: 'Domplatz 49' }) street!: string;
  @ApiProperty({ type: String, example: '38820' }) postalCode!: string;
  @ApiProperty({ type: String, example: 'Halberstadt' }) city!: string;
}

class BookingWindowSchema {
  @ApiProperty({ type: Number, format: 'int32', example: 1, description: 'Frühestens heute + minDays. / Earliest: today + minDays.' }) minDays!: number;
  @ApiProperty({ type: Number, format: 'int32', example: 60, description: 'Spätestens heute + maxDays. / Latest: today + maxDays.' }) maxDays!: number;
}

export class OfficeSummarySchema {
  @ApiProperty({ type: String, pattern: ID_PATTERN, example: 'hbs' }) id!: string;
  @ApiProperty({ type: () => LocalizedTextSchema }) name!: LocalizedTextSchema;
  @ApiProperty({ type: () => AddressSchema }) address!: AddressSchema;
  @ApiProperty({ type: Number, format: 'int32', example: 15, description: 'Länge eines Zeitfensters in Minuten. / Slot length in minutes.' }) slotMinutes!: number;
  @ApiProperty({ type: () => BookingWindowSchema }) window!: BookingWindowSchema;
  @ApiProperty({ type: Number, format: 'int32', example: 10, description: 'Minuten, die eine Reservierung hält. / Minutes a hold lasts.' }) holdMinutes!: number;
  @ApiProperty({ type: Boolean, description: 'Termin erst nach Bestätigung per E-Mail gebucht. / Booked only after email activation.' }) requiresActivation!: boolean;
  @ApiProperty({ type: Number, format: 'int32', example: 3, description: 'Höchstzahl offener Termine je Kontakt. / Max open appointments per contact.' }) maxOpenAppointmentsPerContact!: number;
}

export class OfficesResponseSchema {
  @ApiProperty({ type: () => OfficeSummarySchema, isArray: true }) offices!: OfficeSummarySchema[];
}

class FeeSchema {
  @ApiProperty({ type: Number, format: 'int32', example: 3780, description: 'Gebühr in Euro-Cent. / Fee in euro cents.' }) cents!: number;
  @ApiPropertyOptional({ type: Number, format: 'int32', example: 2280, description: 'Ermäßigt unter 24 Jahren. / Reduced for applicants under 24.' }) reducedUnder24Cents?: number;
}

export class ServiceInfoSchema {
  @ApiProperty({ type: String, pattern: ID_PATTERN, example: 'personalausweis' }) id!: string;
  @ApiProperty({ type: () => LocalizedTextSchema }) name!: LocalizedTextSchema;
  @ApiProperty({ type: Number, format: 'int32', example: 15, description: 'Minuten je Einheit. / Counter minutes per unit.' }) minutes!: number;
  @ApiProperty({ type: Number, format: 'int32', example: 3 }) maxQuantity!: number;
  @ApiProperty({ type: () => LocalizedTextSchema, isArray: true, description: 'Mitzubringende Unterlagen. / Documents to bring.' }) documents!: LocalizedTextSchema[];
  @ApiProperty({ type: () => FeeSchema }) fee!: FeeSchema;
  @ApiProperty({ type: String, isArray: true, example: ['reisepass', 'anmeldung'], description: 'Kombinierbar mit. / May share an appointment with.' }) combinableWith!: string[];
}

export class ServicesResponseSchema {
  @ApiProperty({ type: String, example: 'hbs' }) officeId!: string;
  @ApiProperty({ type: () => ServiceInfoSchema, isArray: true }) services!: ServiceInfoSchema[];
}

export class AvailabilityDaySchema {
  @ApiProperty(date('Tag (Europe/Berlin). / Day (Europe/Berlin).')) date!: string;
  @ApiProperty({ type: String, isArray: true, example: ['09:00', '09:15'], description: 'Freie Startzeiten HH:MM. / Free start times HH:MM.' }) times!: string[];
  @ApiPropertyOptional({ type: () => LocalizedTextSchema, description: 'Nur an geschlossenen Tagen. / Only on closed days.' }) closedReason?: LocalizedTextSchema;
}

export class AvailabilityResponseSchema {
  @ApiProperty({ type: String, example: 'hbs' }) officeId!: string;
  @ApiProperty({ type: () => AvailabilityDaySchema, isArray: true }) days!: AvailabilityDaySchema[];
}

export class PlaceHoldBodySchema {
  @ApiProperty(date('Tag des Termins. / Day of the appointment.')) date!: string;
  @ApiProperty(time('Startzeit aus /availability. / Start time from /availability.')) start!: string;
  @ApiProperty({ type: () => ServiceLineSchema, isArray: true, minItems: 1, maxItems: 7 }) services!: ServiceLineSchema[];
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Vom Client gewählt: macht eine Wiederholung idempotent. / Client-chosen: makes a retry idempotent.' }) holdId?: string;
  @ApiPropertyOptional({ type: String, description: 'Gelöstes ALTCHA (statt Header x-altcha). / Solved ALTCHA payload (instead of the x-altcha header).' }) altcha?: string;
}

export class HoldResponseSchema {
  @ApiProperty({ type: String, format: 'uuid', example: '01935f8e-6c1d-7a2b-9c3d-4e5f6a7b8c9d' }) holdId!: string;
  @ApiProperty({ type: String, example: 'hbs' }) officeId!: string;
  @ApiProperty(date('Tag. / Day.')) date!: string;
  @ApiProperty(time('Beginn. / Start.')) start!: string;
  @ApiProperty(time('Ende. / End.', '09:15')) end!: string;
  @ApiProperty({ type: Number, format: 'int32', example: 15 }) minutes!: number;
  @ApiProperty({ type: () => ServiceLineSchema, isArray: true }) services!: ServiceLineSchema[];
  @ApiProperty(instant('Reservierung verfällt (UTC). / Hold expires (UTC).')) expiresAt!: string;
}

export class ExtendHoldBodySchema {
  @ApiProperty(date('Tag der Reservierung. / Day of the hold.')) date!: string;
}

export class SubmitContactBodySchema {
  @ApiProperty(date('Tag der Reservierung. / Day of the hold.')) date!: string;
  @ApiProperty({ type: String, minLength: 1, maxLength: 100, example: 'Anna Muster' }) name!: string;
  @ApiProperty({ type: String, format: 'email', maxLength: 254, example: 'anna@example.org' }) email!: string;
  @ApiPropertyOptional({ type: String, maxLength: 30, pattern: '^[0-9 +\\-/()]*$', example: '+49 3941 123456' }) phone?: string;
  @ApiProperty({ type: String, enum: ['de', 'en'], example: 'de', description: 'Sprache der E-Mails. / Language of the emails.' }) language!: 'de' | 'en';
  @ApiProperty({ type: Boolean, enum: [true], example: true, description: 'Einwilligung in die Datenverarbeitung (muss true sein). / Consent to data processing (must be true).' }) consent!: true;
}

export class ContactResponseSchema {
  @ApiProperty({ type: String, example: 'HBS-7K3Q9F', description: 'Termin-Referenz. / Appointment reference.' }) reference!: string;
  @ApiProperty({ type: String, enum: ['awaiting_activation', 'booked'] }) status!: 'awaiting_activation' | 'booked';
  @ApiPropertyOptional(instant('Bestätigungslink gilt bis (bei awaiting_activation). / Activation link valid until.')) activationExpiresAt?: string;
  @ApiProperty({ type: String, example: 'k1.AbCdEf…', description: 'Verwaltungs-Token (nur hier und in der E-Mail). / Manage token (only here and in the email).' }) manageToken!: string;
}

export class ActivateBodySchema {
  @ApiProperty({ type: String, description: 'Token aus der Bestätigungs-E-Mail. / Token from the activation email.' }) token!: string;
}

export class RescheduleBodySchema {
  @ApiProperty(date('Neuer Tag (gleicher Standort). / New day (same office).')) date!: string;
  @ApiProperty(time('Neue Startzeit. / New start time.', '10:30')) start!: string;
  @ApiPropertyOptional({ type: String, description: 'Gelöstes ALTCHA (statt Header x-altcha). / Solved ALTCHA payload.' }) altcha?: string;
}

class AppointmentServiceSchema extends ServiceLineSchema {
  @ApiProperty({ type: () => LocalizedTextSchema }) name!: LocalizedTextSchema;
}

export class AppointmentViewSchema {
  @ApiProperty({ type: String, example: 'HBS-7K3Q9F' }) reference!: string;
  @ApiProperty({ type: String, enum: ['awaiting_activation', 'booked', 'cancelled'] }) status!: string;
  @ApiProperty({ type: String, example: 'hbs' }) officeId!: string;
  @ApiProperty({ type: () => LocalizedTextSchema }) officeName!: LocalizedTextSchema;
  @ApiProperty(date('Tag. / Day.')) date!: string;
  @ApiProperty(time('Beginn. / Start.')) start!: string;
  @ApiProperty(time('Ende. / End.', '09:15')) end!: string;
  @ApiProperty(instant('Beginn (UTC). / Start (UTC).')) startsAt!: string;
  @ApiProperty(instant('Ende (UTC). / End (UTC).', '2026-12-01T08:15:00.000Z')) endsAt!: string;
  @ApiProperty({ type: () => AppointmentServiceSchema, isArray: true }) services!: AppointmentServiceSchema[];
  @ApiProperty({ type: String, enum: ['de', 'en'] }) language!: string;
  @ApiProperty({ type: String, example: 'a***@example.org', description: 'Maskierte E-Mail; sonst keine Kontaktdaten. / Masked email; no other contact data.' }) maskedEmail!: string;
  @ApiPropertyOptional(instant('Storniert am. / Cancelled at.')) cancelledAt?: string;
  @ApiPropertyOptional(instant('Bestätigung möglich bis. / Activation possible until.')) activationExpiresAt?: string;
}

/** The ALTCHA challenge (altcha-lib `Challenge`) the widget solves. */
export class CaptchaChallengeSchema {
  @ApiProperty({ type: String, example: 'SHA-256' }) algorithm!: string;
  @ApiProperty({ type: String, description: 'Hash, den die Lösung treffen muss. / Hash the solution must hit.' }) challenge!: string;
  @ApiPropertyOptional({ type: Number, format: 'int32', example: 50000 }) maxnumber?: number;
  @ApiProperty({ type: String, description: 'Salz inkl. Ablauf und Zweck. / Salt incl. expiry and scope.' }) salt!: string;
  @ApiProperty({ type: String, description: 'HMAC der Challenge. / HMAC of the challenge.' }) signature!: string;
}
