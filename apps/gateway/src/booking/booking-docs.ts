import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI document of the public API at /api/docs (JSON at /api/docs-json). Call from main.ts. */
export function setupApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Schalter — Bürgerbüro Termine')
    .setDescription('Öffentliche Termin-API. Fehler als RFC 9457 problem+json; Typen: libs/contracts/src/booking-http.ts')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Manage token from the booking reply / email' })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
}
