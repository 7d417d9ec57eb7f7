import { ApiProperty } from '@nestjs/swagger';

/** Staff session and socket token shapes (apps/gateway/src/staff). */

export class LoginBodySchema {
  @ApiProperty({ type: String, minLength: 1, maxLength: 64, example: 'mmeier' }) username!: string;
  @ApiProperty({ type: String, format: 'password', minLength: 1, maxLength: 200 }) password!: string;
}

class StaffUserSchema {
  @ApiProperty({ type: String, example: 'mmeier' }) id!: string;
  @ApiProperty({ type: String, example: 'Maria Meier' }) displayName!: string;
  @ApiProperty({ type: String, enum: ['clerk', 'office_manager', 'analyst', 'admin'] }) role!: string;
  @ApiProperty({
    oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string', enum: ['*'] }],
    example: ['hbs'],
    description: 'Bürgerbüros oder `*` (alle). / Offices, or `*` (all).',
  })
  offices!: string[] | '*';
}

export class StaffSessionSchema {
  @ApiProperty({ type: () => StaffUserSchema }) user!: StaffUserSchema;
}

export class SocketTokenSchema {
  @ApiProperty({ type: String, description: 'Für den Socket.IO-Namespace /staff. / For the /staff Socket.IO namespace.' }) token!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
}
