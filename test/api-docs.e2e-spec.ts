import { randomUUID } from 'node:crypto';
import { startApp } from '@app/platform';
import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { gatewayService } from '../apps/gateway/src/app.module';
import { AppointmentsController } from '../apps/gateway/src/booking/appointments.controller';
import { OfficesController } from '../apps/gateway/src/booking/offices.controller';
import { loadGatewayConfig } from '../apps/gateway/src/config';
import { PublicQueueController } from '../apps/gateway/src/frontdesk/public-queue.controller';
import { StaffQueueController } from '../apps/gateway/src/frontdesk/staff-queue.controller';
import { SocketTokenController } from '../apps/gateway/src/staff/socket-token.controller';
import { StaffAuthController } from '../apps/gateway/src/staff/staff-auth.controller';
import { launchChromium, watchedPage } from './browser/support/chromium';

/**
 * The OpenAPI document a city app is written from: the gateway alone (no booking service needed to
 * describe the API) serves /api/docs-json and the Swagger UI page under its strict CSP.
 */
jest.setTimeout(90_000);

type Json = Record<string, any>;
interface Route { method: string; path: string }

/** Every route of a controller, read from Nest's own metadata: a new route without docs fails below. */
function routesOf(controller: Type): Route[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller)).replace(/^\/|\/$/g, '');
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, proto[name] as object))
    .map((name) => {
      const sub = String(Reflect.getMetadata(PATH_METADATA, proto[name] as object)).replace(/^\/|\/$/g, '');
      const path = `/${[base, sub].filter(Boolean).join('/')}`.replace(/:([A-Za-z]+)/g, '{$1}');
      return { method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, proto[name] as object) as number].toLowerCase(), path };
    });
}

const DOCUMENTED = [OfficesController, AppointmentsController, PublicQueueController, StaffQueueController, StaffAuthController, SocketTokenController];

describe('API documentation (/api/docs)', () => {
  let gateway: INestApplication;
  let base: string;
  let doc: Json;

  beforeAll(async () => {
    Object.assign(process.env, { REDIS_PREFIX: `test:${randomUUID().slice(0, 8)}:` });
    gateway = await startApp(gatewayService, loadGatewayConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', RPC_NAMESPACE: `docs${randomUUID().slice(0, 8)}` }), 0);
    base = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    const res = await fetch(`${base}/api/docs-json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Json;
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('is an OpenAPI 3 document with info, paths, components and no dangling $ref', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    const schemas = doc.components.schemas as Json;
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
      expect(name && schemas[name] ? ref : `dangling ${ref}`).toBe(ref);
    }
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      expect(path).toMatch(/^\/api\//); // pages are not part of the API
      for (const [method, operation] of Object.entries(item as Json)) {
        expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
        const declared = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const params = ((operation as Json).parameters ?? []) as Json[];
        for (const name of declared) expect(params.find((p) => p.in === 'path' && p.name === name)).toMatchObject({ required: true, schema: expect.any(Object) });
        for (const p of params) expect(['path', 'query', 'header', 'cookie']).toContain(p.in);
      }
    }
  });

  it('declares the security schemes: manage token (bearer or ?token=), x-altcha, staff cookie + CSRF header, kiosk token', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      manageToken: { type: 'http', scheme: 'bearer' },
      manageTokenQuery: { type: 'apiKey', in: 'query', name: 'token' },
      altcha: { type: 'apiKey', in: 'header', name: 'x-altcha' },
      staffSession: { type: 'apiKey', in: 'cookie', name: 'schalter_staff' },
      csrfHeader: { type: 'apiKey', in: 'header', name: 'X-Requested-With' },
      kioskToken: { type: 'apiKey', in: 'header', name: 'Authorization' },
    });
    expect(doc.paths['/api/offices/{officeId}/holds'].post.security).toEqual([{ altcha: [] }]);
    expect(doc.paths['/api/appointments/{reference}'].get.security).toEqual([{ manageToken: [] }, { manageTokenQuery: [] }]);
    expect(doc.paths['/api/staff/offices/{officeId}/counters/{counterId}/call-next'].post.security).toEqual([{ staffSession: [], csrfHeader: [] }]);
  });

  it('documents every route of the booking, queue and staff controllers with a 2xx schema and problem responses', () => {
    const routes = DOCUMENTED.flatMap(routesOf);
    expect(routes.length).toBe(6 + 5 + 3 + 14 + 3 + 1);
    const missing: string[] = [];
    for (const { method, path } of routes) {
      const operation = doc.paths[path]?.[method] as Json | undefined;
      if (!operation) { missing.push(`${method} ${path}: not documented`); continue; }
      if (!operation.summary?.includes(' · ')) missing.push(`${method} ${path}: no German · English summary`);
      if (!operation.tags?.length) missing.push(`${method} ${path}: no tag`);
      const ok = Object.entries(operation.responses as Json).filter(([status]) => /^2\d\d$/.test(status));
      const hasSchema = ok.some(([, r]) => Object.values((r as Json).content ?? {}).some((c) => (c as Json).schema));
      if (ok.length === 0 || (!hasSchema && !(ok.length === 1 && ok[0]![0] === '204'))) missing.push(`${method} ${path}: no 2xx schema`);
      const problems = Object.entries(operation.responses as Json).filter(([status]) => /^[45]\d\d$/.test(status));
      if (problems.length === 0) missing.push(`${method} ${path}: no problem response`);
      for (const [status, r] of problems) {
        if ((r as Json).content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemSchema') missing.push(`${method} ${path} ${status}: not problem+json`);
      }
      if (['post', 'put', 'patch'].includes(method) && operation.requestBody && !operation.requestBody.content?.['application/json']?.schema?.$ref) missing.push(`${method} ${path}: body without schema`);
    }
    expect(missing).toEqual([]);
  });

  it('mirrors the contract shapes: problem body, hold request and the contact reply', () => {
    const schemas = doc.components.schemas as Json;
    expect(schemas.ProblemSchema.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'detail_en', 'code']));
    expect(schemas.ProblemSchema.properties.errors).toMatchObject({ type: 'array' });
    expect(schemas.PlaceHoldBodySchema.properties.date).toMatchObject({ format: 'date', example: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(schemas.PlaceHoldBodySchema.required).toEqual(expect.arrayContaining(['date', 'start', 'services']));
    expect(schemas.ContactResponseSchema.properties.status.enum).toEqual(['awaiting_activation', 'booked']);
    const contact = doc.paths['/api/offices/{officeId}/holds/{holdId}/contact'].post;
    expect(Object.keys(contact.responses)).toEqual(expect.arrayContaining(['201', '202', '400', '404', '409', '422', '429', '503']));
    const availability = doc.paths['/api/offices/{officeId}/availability'].get.parameters as Json[];
    expect(availability.filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(['from', 'services', 'to']);
    expect(doc.paths['/api/captcha/challenge'].get).toMatchObject({ tags: ['captcha'], responses: { '200': expect.any(Object), '429': expect.any(Object) } });
    expect(doc.paths['/api/appointments/{reference}/calendar.ics'].get.responses['200'].content).toHaveProperty('text/calendar');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('renders Swagger UI under the strict CSP with no console or CSP errors', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const { page, problems } = await watchedPage(context);
      const response = await page.goto(`${base}/api/docs`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
      await page.waitForSelector('.opblock-tag-section', { timeout: 20_000 });
      expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
      await expect(page.locator('.info .title').innerText()).resolves.toContain('Schalter');
      // Opening an operation renders its schemas and problem examples (highlighted code): still no CSP error.
      await page.locator('#operations-booking-OfficesController_submitContact .opblock-summary').first().click();
      await page.waitForSelector('.responses-table .response[data-code="422"]', { timeout: 10_000 });
      await expect(page.locator('.responses-table').first().innerText()).resolves.toContain('contact_limit');
      if (process.env.DOCS_SCREENSHOT) await page.screenshot({ path: process.env.DOCS_SCREENSHOT, fullPage: false });
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
