import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { problemResponses } from './openapi/api-problems.decorator';
import { CaptchaChallengeSchema } from './openapi/booking.schemas';
import { ProblemSchema } from './openapi/common.schemas';
import { addSecuritySchemes } from './openapi/security-schemes';

const DOCS_PATH = 'api/docs';

/**
 * Serves the OpenAPI document of the public API at /api/docs (JSON at /api/docs-json). Call from main.ts.
 * The gateway's CSP forbids inline script and style; Nest's Swagger UI page has inline `<style>` blocks,
 * so /api/docs gets our own page (same Swagger UI files, init script as a file) and the CSP stays strict.
 * The real-browser check is test/api-docs.e2e-spec.ts.
 */
export function setupApiDocs(app: INestApplication): void {
  const http = app.getHttpAdapter();
  const page = (_req: Request, res: Response) => res.type('html').send(SWAGGER_PAGE);
  http.get(`/${DOCS_PATH}`, page);
  http.get(`/${DOCS_PATH}/`, page);
  http.get(`/${DOCS_PATH}/schalter-docs.css`, (_req: Request, res: Response) => res.type('css').send(SWAGGER_CSS));
  SwaggerModule.setup(DOCS_PATH, app, () => buildApiDocument(app), {
    customSiteTitle: 'Schalter API',
    // BaseLayout: no top bar, whose Swagger logo is an SVG with an inline <style> the CSP would block.
    swaggerOptions: { layout: 'BaseLayout', validatorUrl: null, docExpansion: 'list', defaultModelsExpandDepth: 0, tryItOutEnabled: false },
  });
}

export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = addSecuritySchemes(
    new DocumentBuilder()
      .setTitle('Schalter — Bürgerbüro Termine & Warteschlange')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .addTag('booking', 'Termin buchen: Standorte, Dienstleistungen, freie Zeiten, Reservierung, Kontaktdaten. / Book: offices, services, availability, hold, contact.')
      .addTag('appointments', 'Termin verwalten per Link aus der E-Mail. / Manage an appointment via the email link.')
      .addTag('captcha', 'Proof-of-work-Captcha (ALTCHA) vor Reservierung und Verschiebung. / Proof-of-work captcha before hold and reschedule.')
      .addTag('queue', 'Wartenummern: Kiosk, eigene Nummer, Aufrufanzeige. / Tickets: kiosk, own ticket, waiting-room display.')
      .addTag('staff-queue', 'Mitarbeiterkonsole: Befehle an die Warteschlange. / Staff console: queue commands.')
      .addTag('staff', 'Anmeldung der Mitarbeitenden. / Staff sign-in.'),
  ).build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemSchema, CaptchaChallengeSchema] });
  return describeCaptcha(onlyApiPaths(document));
}

/** Page routes (HTML) are not part of the API a city app codes against. */
function onlyApiPaths(document: OpenAPIObject): OpenAPIObject {
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith('/api/')));
  return { ...document, paths };
}

/** The captcha controller lives in security/ (not ours to decorate), so its operation is described here. */
function describeCaptcha(document: OpenAPIObject): OpenAPIObject {
  const path = document.paths['/api/captcha/challenge'];
  if (!path?.get) return document;
  const problems = problemResponses([400, 429, 503]);
  path.get = {
    ...path.get,
    tags: ['captcha'],
    summary: 'Captcha-Aufgabe · Captcha challenge',
    description: 'ALTCHA-Aufgabe für den Widget; Lösung in x-altcha senden. Zweck `hold:<officeId>` oder `reschedule`. / ALTCHA challenge for the widget; send the solution in x-altcha. Scope `hold:<officeId>` or `reschedule`.',
    parameters: [{ name: 'scope', in: 'query', required: true, schema: { type: 'string', pattern: '^(hold|reschedule)(:[A-Za-z0-9_-]{1,64})?$' }, example: 'hold:hbs', description: 'Zweck[:Kennung]. / Purpose[:id].' }],
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/CaptchaChallengeSchema' } } } }, ...problems },
  };
  return document;
}

const DESCRIPTION = [
  'Öffentliche API des Bürgerbüros: Termine buchen und verwalten, Wartenummern, Aufrufanzeige; dazu die Mitarbeiterkonsole.',
  'Public API of the citizens’ office: book and manage appointments, queue tickets, waiting-room display; plus the staff console.',
  '',
  'Datum `YYYY-MM-DD`, Uhrzeit `HH:MM` (Europe/Berlin); Zeitpunkte ISO-8601 in UTC. Jeder Fehler ist RFC 9457 `application/problem+json` mit `code` (stabil), `detail` (Deutsch), `detail_en` und bei 400 `errors[]`.',
  'Dates `YYYY-MM-DD`, times `HH:MM` (Europe/Berlin wall clock); instants ISO-8601 UTC. Every error is RFC 9457 `application/problem+json` with a stable `code`, `detail` (German), `detail_en` and, for 400, `errors[]`.',
].join('\n\n');

const SWAGGER_PAGE = `<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Schalter API</title>
  <link rel="stylesheet" href="/${DOCS_PATH}/swagger-ui.css">
  <link rel="stylesheet" href="/${DOCS_PATH}/schalter-docs.css">
  <link rel="icon" type="image/png" href="/${DOCS_PATH}/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="/${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="/${DOCS_PATH}/swagger-ui-init.js"></script>
</body>
</html>
`;

const SWAGGER_CSS = `html { box-sizing: border-box; overflow-y: scroll; }
*, *::before, *::after { box-sizing: inherit; }
body { margin: 0; background: #fafafa; }
.swagger-ui .topbar .download-url-wrapper { display: none; }
`;
