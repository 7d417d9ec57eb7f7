import type { DocumentBuilder } from '@nestjs/swagger';

/** Names of the security schemes in the document; routes refer to them by these names. */
export const SECURITY = {
  manageToken: 'manageToken',
  manageTokenQuery: 'manageTokenQuery',
  altcha: 'altcha',
  staffSession: 'staffSession',
  csrfHeader: 'csrfHeader',
  kioskToken: 'kioskToken',
} as const;

/** Declares every scheme once (bilingual descriptions); see staff.guard.ts, kiosk.guard.ts, captcha.guard.ts. */
export function addSecuritySchemes(builder: DocumentBuilder): DocumentBuilder {
  return builder
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'Verwaltungs-Token aus der Antwort auf …/contact bzw. der E-Mail. / Manage token from the …/contact reply or the email.' },
      SECURITY.manageToken,
    )
    .addApiKey({ type: 'apiKey', in: 'query', name: 'token', description: 'Dasselbe Token als ?token= (Links in E-Mails). / The same token as ?token= (links in emails).' }, SECURITY.manageTokenQuery)
    .addApiKey(
      {
        type: 'apiKey', in: 'header', name: 'x-altcha',
        description: 'Gelöstes ALTCHA (Base64-JSON), Challenge von GET /api/captcha/challenge; alternativ Feld `altcha` im Body. Einmal verwendbar. / Solved ALTCHA payload (base64 JSON) for a challenge from GET /api/captcha/challenge; or the body field `altcha`. Single use.',
      },
      SECURITY.altcha,
    )
    .addApiKey({ type: 'apiKey', in: 'cookie', name: 'schalter_staff', description: 'Sitzungs-Cookie nach POST /api/staff/session (HttpOnly, SameSite=Strict). / Session cookie set by POST /api/staff/session.' }, SECURITY.staffSession)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Requested-With', description: 'CSRF-Schutz: bei POST/DELETE mit beliebigem Wert. / CSRF guard: any value, on POST/DELETE.' }, SECURITY.csrfHeader)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: '`Kiosk <Geräte-Token>` des Kiosks im Bürgerbüro. / `Kiosk <device token>` of the office kiosk.' }, SECURITY.kioskToken);
}
