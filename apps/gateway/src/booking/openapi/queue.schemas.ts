import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN, LocalizedTextSchema, ServiceLineSchema } from './common.schemas';

/** Mirrors of libs/contracts/src/frontdesk.ts and the gateway's bodies (frontdesk-bodies.ts). */

const TICKET_STATUS = ['waiting', 'called', 'serving', 'parked', 'completed', 'no_show'];
const instant = { type: String, format: 'date-time', example: '2026-12-01T08:00:00.000Z' } as const;
const priority = { type: Number, format: 'int32', minimum: 0, maximum: 9, example: 0, description: 'Vorrang 0–9 (z. B. Barrierefreiheit). / Priority 0–9.' } as const;
const ids = (description: string, maxItems: number) => ({ type: String, isArray: true, maxItems, example: ['personalausweis'], description });

class AppointmentRefSchema {
  @ApiProperty({ type: String, example: 'HBS-7K3Q9F' }) reference!: string;
  @ApiProperty({ type: String, example: '09:00' }) start!: string;
}

export class StaffTicketViewSchema {
  @ApiProperty({ type: String, pattern: ID_PATTERN }) ticketId!: string;
  @ApiProperty({ type: String, example: 'W-004', description: '`T-` gebucht, `W-` ohne Termin. / `T-` booked, `W-` walk-in.' }) number!: string;
  @ApiProperty({ type: String, enum: ['booked', 'walk_in'] }) kind!: string;
  @ApiProperty({ type: String, enum: TICKET_STATUS }) status!: string;
  @ApiProperty({ type: () => ServiceLineSchema, isArray: true }) services!: ServiceLineSchema[];
  @ApiProperty(priority) priority!: number;
  @ApiProperty(instant) issuedAt!: string;
  @ApiProperty(instant) dueAt!: string;
  @ApiPropertyOptional({ type: String, example: 'schalter-3' }) counterId?: string;
  @ApiPropertyOptional({ type: Number, format: 'int32' }) calls?: number;
  @ApiPropertyOptional({ type: Number, format: 'int32' }) waitedMinutes?: number;
  @ApiPropertyOptional({ type: Number, format: 'int32' }) estimatedWaitMinutes?: number;
  @ApiPropertyOptional({ type: () => AppointmentRefSchema }) appointment?: AppointmentRefSchema;
}

export class QueueCommandReplySchema {
  @ApiProperty({ type: String, example: 'hbs' }) officeId!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-12-01' }) date!: string;
  @ApiProperty({ type: Number, format: 'int64', description: 'Version der Warteschlange danach. / Queue version after the command.' }) seq!: number;
  @ApiProperty({ type: Boolean, description: 'false bei idempotenter Wiederholung. / false for an idempotent repeat.' }) changed!: boolean;
  @ApiPropertyOptional({ type: () => StaffTicketViewSchema }) ticket?: StaffTicketViewSchema;
}

export class CounterViewSchema {
  @ApiProperty({ type: String, example: 'schalter-3' }) counterId!: string;
  @ApiProperty({ type: () => LocalizedTextSchema }) name!: LocalizedTextSchema;
  @ApiProperty({ type: String, enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: String, isArray: true }) serviceIds!: string[];
  @ApiPropertyOptional({ type: String, example: 'T-012' }) currentTicket?: string;
}

export class EmailFailureViewSchema {
  @ApiProperty({ type: String, enum: ['activation', 'confirmation', 'reminder'] }) kind!: string;
  @ApiProperty({ type: String, example: 'recipient-rejected' }) reason!: string;
  @ApiProperty({ type: Boolean }) permanent!: boolean;
  @ApiProperty(instant) failedAt!: string;
}

export class ExpectedAppointmentViewSchema {
  @ApiProperty({ type: String }) appointmentId!: string;
  @ApiProperty({ type: String, example: 'HBS-7K3Q9F' }) reference!: string;
  @ApiProperty({ type: String, example: '09:00' }) start!: string;
  @ApiProperty(instant) startsAt!: string;
  @ApiProperty({ type: () => ServiceLineSchema, isArray: true }) services!: ServiceLineSchema[];
  @ApiProperty({ type: String, enum: ['booked', 'cancelled', 'checked_in'] }) status!: string;
  @ApiPropertyOptional({ type: String, example: 'T-012' }) ticketNumber?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'Letzte Bestätigungs-, Aktivierungs- oder Erinnerungs-E-Mail nicht zugestellt. / Latest confirmation, activation or reminder email not delivered.' }) emailFailed?: boolean;
  @ApiPropertyOptional({ type: () => EmailFailureViewSchema }) emailFailure?: EmailFailureViewSchema;
}

export class StaffStateSchema {
  @ApiProperty({ type: Number, format: 'int64' }) seq!: number;
  @ApiProperty({ type: String, example: 'hbs' }) officeId!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-12-01' }) date!: string;
  @ApiProperty({ type: () => StaffTicketViewSchema, isArray: true }) tickets!: StaffTicketViewSchema[];
  @ApiProperty({ type: () => CounterViewSchema, isArray: true }) counters!: CounterViewSchema[];
  @ApiProperty({ type: () => ExpectedAppointmentViewSchema, isArray: true }) expected!: ExpectedAppointmentViewSchema[];
}

class DisplayCallSchema {
  @ApiProperty({ type: String, description: 'Eindeutig je Aufruf. / Unique per call.' }) callId!: string;
  @ApiProperty({ type: String, example: 'W-004' }) ticket!: string;
  @ApiProperty({ type: String, example: 'schalter-3' }) counter!: string;
  @ApiProperty({ type: String, example: 'Schalter 3' }) counterName!: string;
  @ApiProperty(instant) at!: string;
  @ApiProperty({ type: Boolean }) recall!: boolean;
}

export class DisplayStateSchema {
  @ApiProperty({ type: Number, format: 'int64' }) seq!: number;
  @ApiProperty({ type: String, example: 'hbs' }) officeId!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-12-01' }) date!: string;
  @ApiProperty({ type: () => DisplayCallSchema, isArray: true, maxItems: 10, description: 'Neueste zuerst. / Newest first.' }) calls!: DisplayCallSchema[];
  @ApiProperty({ type: Number, format: 'int32' }) waitingCount!: number;
  @ApiProperty({ type: Number, format: 'int32', nullable: true, description: 'null, wenn kein Schalter offen ist. / null when no counter is open.' }) estimatedWaitMinutes!: number | null;
}

export class PublicTicketViewSchema {
  @ApiProperty({ type: Number, format: 'int64' }) seq!: number;
  @ApiProperty({ type: String, example: 'W-004' }) number!: string;
  @ApiProperty({ type: String, enum: TICKET_STATUS }) status!: string;
  @ApiPropertyOptional({ type: Number, format: 'int32', description: 'Vorher aufgerufene Nummern. / Tickets before this one.' }) ahead?: number;
  @ApiPropertyOptional({ type: Number, format: 'int32' }) estimatedWaitMinutes?: number;
  @ApiPropertyOptional({ type: String }) counterId?: string;
  @ApiPropertyOptional({ type: String, example: 'Schalter 3' }) counterName?: string;
}

export class CheckInBodySchema {
  @ApiPropertyOptional({ type: String, minLength: 4, maxLength: 32, example: 'HBS-7K3Q9F', description: 'Entweder reference … / Either reference …' }) reference?: string;
  @ApiPropertyOptional({ type: String, minLength: 4, maxLength: 200, example: 'SCHALTER:HBS-7K3Q9F', description: '… oder gescannter QR-Inhalt. / … or the scanned QR content.' }) qr?: string;
  @ApiPropertyOptional(priority) priority?: number;
}

export class WalkInBodySchema {
  @ApiProperty({ type: () => ServiceLineSchema, isArray: true, minItems: 1, maxItems: 7 }) services!: ServiceLineSchema[];
  @ApiPropertyOptional(priority) priority?: number;
  @ApiPropertyOptional({ type: String, pattern: ID_PATTERN, description: 'Wiederholung erzeugt keine zweite Nummer. / A repeat issues no second ticket.' }) requestId?: string;
}

export class OpenCounterBodySchema {
  @ApiPropertyOptional(ids('Ohne Angabe: laut Katalog. / Default: as the catalogue says.', 20)) serviceIds?: string[];
}

export class CallTicketBodySchema {
  @ApiProperty({ type: String, pattern: ID_PATTERN }) ticketId!: string;
}

export class TransferBodySchema {
  @ApiPropertyOptional(ids('Neue Dienstleistungen (oder toCounterId). / New services (or toCounterId).', 7)) toServiceIds?: string[];
  @ApiPropertyOptional({ type: String, pattern: ID_PATTERN, example: 'schalter-1' }) toCounterId?: string;
}

export class CompleteBodySchema {
  @ApiPropertyOptional({ type: () => ServiceLineSchema, isArray: true, maxItems: 7, description: 'Tatsächlich erledigt; sonst wie angefragt. / Actually done; default as requested.' }) servicesDone?: ServiceLineSchema[];
}
