import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * OpenAPI mirrors of the shared shapes in libs/contracts. Classes only because @nestjs/swagger reads
 * schemas from decorated classes; the contracts stay the source of truth (the e2e test compares).
 */

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';
export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

export class LocalizedTextSchema {
  @ApiProperty({ type: String, description: 'Deutsch', example: 'Personalausweis beantragen' })
  de!: string;

  @ApiProperty({ type: String, description: 'English', example: 'Apply for an ID card' })
  en!: string;
}

export class ServiceLineSchema {
  @ApiProperty({ type: String, pattern: ID_PATTERN, example: 'personalausweis', description: 'Dienstleistung (Id aus /services). / Service id.' })
  serviceId!: string;

  @ApiProperty({ type: Number, format: 'int32', minimum: 1, maximum: 10, example: 1, description: 'Anzahl (1 … maxQuantity). / Quantity (1 … maxQuantity).' })
  quantity!: number;
}

export class FieldErrorSchema {
  @ApiProperty({ type: String, example: 'services.0.quantity', description: 'Feldpfad. / Field path.' })
  path!: string;

  @ApiProperty({ type: String, example: 'Number must be less than or equal to 10' })
  message!: string;
}

/** RFC 9457 problem details as every gateway refusal is sent (`application/problem+json`). */
export class ProblemSchema {
  @ApiProperty({ type: String, example: 'urn:schalter:problem:no_capacity', description: '`urn:schalter:problem:<code>`' })
  type!: string;

  @ApiProperty({ type: String, example: 'Conflict' })
  title!: string;

  @ApiProperty({ type: Number, format: 'int32', example: 409 })
  status!: number;

  @ApiProperty({ type: String, description: 'Text für Menschen (Deutsch). / Human-readable text (German).', example: 'Diese Zeit ist leider schon vergeben.' })
  detail!: string;

  @ApiProperty({ type: String, description: 'English text for people.', example: 'Sorry, this time has just been taken.' })
  detail_en!: string;

  @ApiProperty({ type: String, description: 'Stabiler Maschinen-Code; Clients verzweigen hierauf. / Stable machine code; branch on this.', example: 'no_capacity' })
  code!: string;

  @ApiPropertyOptional({ type: () => FieldErrorSchema, isArray: true, description: 'Bei 400: ein Eintrag je falschem Feld. / For 400: one entry per wrong field.' })
  errors?: FieldErrorSchema[];

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Korrelations-Id für den Support. / Correlation id for support.' })
  correlationId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Bei Ablehnungen des Gateways (Captcha, Ratenlimit, Größe): Zusatzangaben wie `retryAfterSeconds` oder `limitBytes`. / On the gateway’s own refusals: extra facts such as `retryAfterSeconds` or `limitBytes`.',
  })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, description: 'Pfad der abgelehnten Anfrage (RFC 9457). / Path of the refused request.', example: '/api/offices/hbs/holds' })
  instance?: string;
}
