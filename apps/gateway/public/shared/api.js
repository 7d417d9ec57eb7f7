/**
 * JSON over fetch against `/api`. Every refusal of the API is an RFC 9457 problem with `detail` (German)
 * and `detail_en`; it becomes an `ApiProblem` so pages can show the text in the page's language and map
 * `errors[].path` to form fields.
 */
export class ApiProblem extends Error {
  constructor(status, body) {
    super(body.detail_en ?? body.detail ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.detail = body.detail;
    this.detailEn = body.detail_en;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.retryAfter = body.retryAfter;
  }

  /** The server's text in `lang`, or `fallback` when the server said nothing readable. */
  text(lang, fallback) {
    return (lang === 'en' ? this.detailEn : this.detail) ?? this.detail ?? fallback;
  }
}

export async function api(path, { method = 'GET', body, headers = {}, bearer } = {}) {
  const init = { method, headers: { accept: 'application/json, application/problem+json', ...headers } };
  if (bearer) init.headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiProblem(0, { code: 'network' });
  }
  const text = await response.text();
  const parsed = text ? safeJson(text) : {};
  if (!response.ok) {
    throw new ApiProblem(response.status, { ...parsed, retryAfter: response.headers.get('retry-after') ?? undefined });
  }
  return parsed;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
