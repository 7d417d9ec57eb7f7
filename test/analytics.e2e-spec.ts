import { flowReport } from '../apps/analytics/src/report/flow-report';
import { SIMULATED, startAnalyticsSystem, type AnalyticsTestSystem } from '../apps/gateway/src/analytics/analytics.testing';

/**
 * The analytics API through the gateway: staff login and role, the real analytics service replaying a
 * simulated fortnight over real NATS/JetStream, refusals that say what is wrong, and a CSV that a
 * spreadsheet cannot turn into a formula.
 */
jest.setTimeout(120_000);

describe('analytics API (gateway → NATS → analytics service)', () => {
  let system: AnalyticsTestSystem;
  let analyst: string;
  let clerk: string;
  const period = new URLSearchParams(SIMULATED).toString();

  beforeAll(async () => {
    system = await startAnalyticsSystem();
    analyst = await system.gateway.login('analyst');
    clerk = await system.gateway.login('clerk.hbs');
  });
  afterAll(async () => {
    await system?.close();
  });

  const get = (path: string, cookie?: string) => fetch(`${system.gateway.url}${path}`, { headers: cookie ? { cookie } : {} });

  it('refuses without login (401) and to a clerk (403)', async () => {
    expect((await get(`/api/staff/analytics/figures?${period}`)).status).toBe(401);
    const res = await get(`/api/staff/analytics/figures?${period}`, clerk);
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('staff_role_forbidden');
  });

  it('answers the analyst with the same figures (same hash) as a replay of the log', async () => {
    const res = await get(`/api/staff/analytics/figures?${period}`, analyst);
    expect(res.status).toBe(200);
    const body = await res.json();
    const direct = await flowReport(system.store, { ...SIMULATED });
    expect(body.hash).toBe(direct.hash);
    expect(body.figures.visits.total).toBeGreaterThan(100);
    expect(JSON.stringify(body)).not.toMatch(/SIM-\d|sim-token|contactKey|reference/);
  });

  it('names every service and counter the figures mention, from the catalogue', async () => {
    const body = await (await get(`/api/staff/analytics/figures?${period}`, analyst)).json();
    for (const serviceId of Object.keys(body.figures.serviceMinutesPerUnit)) expect(body.names.services[serviceId]).toEqual({ de: expect.any(String), en: expect.any(String) });
    expect(body.names.services.personalausweis).toEqual({ de: 'Personalausweis beantragen', en: 'Apply for an identity card' });
    for (const row of body.figures.counterUtilisation) expect(body.names.counters[row.officeId][row.counterId].de).toMatch(/^Schalter \d$/);
    expect(body.names.offices.hbs.de).toBe('Bürgerbüro Halberstadt');
  });

  it.each([
    ['from=2026-02-30&to=2026-03-01', 400, 'bad_date'],
    ['from=2026-11-20&to=2026-11-01', 400, 'bad_range'],
    ['officeId=xyz&from=2026-11-01&to=2026-11-02', 404, 'unknown_office'],
  ])('refuses %s with %i %s', async (query, status, code) => {
    const res = await get(`/api/staff/analytics/figures?${query}`, analyst);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.code).toBe(code);
    expect(body.detail).toBeTruthy();
  });

  it('predicts shorter waits with more counters and longer with one', async () => {
    const one = await (await get(`/api/staff/analytics/what-if?${period}&counters=1`, analyst)).json();
    const six = await (await get(`/api/staff/analytics/what-if?${period}&counters=6`, analyst)).json();
    expect(one.arrivals).toBeGreaterThan(100);
    expect(one.recorded.all.mean).toBe(six.recorded.all.mean);
    expect(six.predicted.all.mean).toBeLessThan(one.predicted.all.mean);
    expect((await get(`/api/staff/analytics/what-if?${period}&counters=0`, analyst)).status).toBe(400);
  });

  it('downloads the visits as CSV, one line per visit, formula cells neutralised', async () => {
    const res = await get(`/api/staff/analytics/visits.csv?${period}`, analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="schalter-besuche-hbs-${SIMULATED.from}-${SIMULATED.to}.csv"`);
    const lines = (await res.text()).trim().split(/\r?\n/);
    const figures = await flowReport(system.store, { ...SIMULATED });
    expect(lines.length - 1).toBe(figures.figures.visits.total);
    const evil = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(evil).toContain(`'=HYPERLINK`);
    expect(evil).toContain(`'+cmd`);
    expect(lines.some((l) => /(^|,)[=+@-][^0-9]/.test(l))).toBe(false);
  });
});

