import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemSchema } from './common.schemas';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** Bilingual meaning of each refusal status and the codes a client most often meets there. */
const MEANING: Record<ProblemStatus, { text: string; code: string; detail: string; detailEn: string }> = {
  400: { text: 'Ungültige Eingabe (errors[] nennt jedes Feld). / Invalid input (errors[] names each field).', code: 'validation_failed', detail: 'Die Eingabe ist ungültig: date.', detailEn: 'The input is invalid: date.' },
  401: { text: 'Anmeldung fehlt oder abgelaufen. / Not signed in, or the session expired.', code: 'staff_login_required', detail: 'Bitte melden Sie sich an (oder die Sitzung ist abgelaufen).', detailEn: 'Please sign in (or your session has expired).' },
  403: { text: 'Nicht erlaubt (falsches Token, Rolle oder Bürgerbüro). / Forbidden (wrong token, role or office).', code: 'activation_token_invalid', detail: 'Der Bestätigungslink ist ungültig.', detailEn: 'The activation link is invalid.' },
  404: { text: 'Unbekannt (Standort, Reservierung, Termin oder Token passen nicht). / Unknown (office, hold, or reference and token do not match).', code: 'appointment_unknown', detail: 'Diesen Termin gibt es nicht, oder der Link ist ungültig.', detailEn: 'This appointment does not exist, or the link is invalid.' },
  409: { text: 'Konflikt: vergeben, abgelaufen oder schon erledigt. / Conflict: taken, expired or already done.', code: 'no_capacity', detail: 'Diese Zeit ist leider schon vergeben.', detailEn: 'Sorry, this time has just been taken.' },
  413: { text: 'Anfrage zu groß. / Request body too large.', code: 'payload_too_large', detail: 'Die Anfrage ist zu groß.', detailEn: 'The request is too large.' },
  422: { text: 'Buchungsregel verletzt (Vorlauf, Öffnungszeiten, Limit je Kontakt). / A booking rule is broken (lead time, opening hours, per-contact limit).', code: 'contact_limit', detail: 'Sie haben bereits die Höchstzahl offener Termine.', detailEn: 'You already have the maximum number of open appointments.' },
  429: { text: 'Zu viele Anfragen; siehe Retry-After. / Too many requests; see Retry-After.', code: 'rate_limited', detail: 'Zu viele Anfragen. Bitte warten Sie kurz.', detailEn: 'Too many requests. Please wait a moment.' },
  503: { text: 'Ein Dienst ist nicht erreichbar; später erneut versuchen. / A service is unavailable; retry later.', code: 'service_unavailable', detail: 'Der Dienst ist gerade nicht erreichbar.', detailEn: 'The service is unavailable right now.' },
};

const TITLES: Record<ProblemStatus, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 422: 'Unprocessable Content', 429: 'Too Many Requests', 503: 'Service Unavailable',
};

/**
 * Documents refusals as RFC 9457 `application/problem+json` with the Problem schema. `codes` adds the
 * stable codes a route can answer per status, so an app author knows what to branch on.
 */
export function ApiProblems(statuses: readonly ProblemStatus[], codes: Partial<Record<ProblemStatus, string[]>> = {}) {
  const responses = problemResponses(statuses, codes);
  return applyDecorators(ApiExtraModels(ProblemSchema), ...Object.entries(responses).map(([status, response]) => ApiResponse({ status: Number(status), ...response })));
}

/** The OpenAPI response objects themselves, for an operation that cannot carry the decorator. */
export function problemResponses(statuses: readonly ProblemStatus[], codes: Partial<Record<ProblemStatus, string[]>> = {}) {
  return Object.fromEntries(statuses.map((status) => [String(status), problemResponse(status, codes[status])]));
}

function problemResponse(status: ProblemStatus, codes: readonly string[] | undefined) {
  const meaning = MEANING[status];
  const codeList = codes?.length ? ` Codes: ${codes.map((c) => `\`${c}\``).join(', ')}.` : '';
  const code = codes?.[0] ?? meaning.code;
  const example = { type: `urn:schalter:problem:${code}`, title: TITLES[status], status, detail: meaning.detail, detail_en: meaning.detailEn, code };
  return {
    description: meaning.text + codeList,
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Sekunden bis zum nächsten Versuch. / Seconds until retry.', schema: { type: 'integer' as const } } } } : {}),
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) }, example } },
  };
}
