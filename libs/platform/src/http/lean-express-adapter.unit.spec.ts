import { Controller, Get, Head, Header, HttpCode, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LeanExpressAdapter } from './lean-express-adapter';

@Controller()
class ProbeController {
  @Post('created')
  created() {
    return { held: 'hbs', names: { de: 'Bürgerbüro' } };
  }

  @Post('accepted')
  @HttpCode(202)
  accepted() {
    return [1, 2];
  }

  @Get('offices')
  offices() {
    return { offices: [{ id: 'hbs', name: 'Bürgerbüro Halberstadt' }] };
  }

  @Get('text')
  text() {
    return 'plain';
  }

  @Get('calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  calendar() {
    return { not: 'json' };
  }

  @Post('nothing')
  @HttpCode(204)
  nothing() {
    return { ignored: true };
  }

  @Head('created')
  head() {
    return { held: 'hbs' };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

async function appWith(etag: boolean): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create<NestExpressApplication>(ProbeModule, new LeanExpressAdapter(), { logger: false });
  app.set('etag', etag);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('LeanExpressAdapter', () => {
  describe('in an app without ETags (the gateway)', () => {
    let app: INestApplication;
    let url: string;
    beforeAll(async () => ({ app, url } = await appWith(false)));
    afterAll(() => app.close());

    it('answers a plain object as UTF-8 JSON with its length and the handler’s status', async () => {
      const res = await fetch(`${url}/created`, { method: 'POST' });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = await res.text();
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(JSON.parse(text)).toEqual({ held: 'hbs', names: { de: 'Bürgerbüro' } });
      const accepted = await fetch(`${url}/accepted`, { method: 'POST' });
      expect([accepted.status, await accepted.json()]).toEqual([202, [1, 2]]);
    });

    it('gives a successful GET a weak ETag, and answers 304 without a body when the client has that version', async () => {
      const first = await fetch(`${url}/offices`);
      const tag = first.headers.get('etag')!;
      expect(tag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
      expect(await first.json()).toEqual({ offices: [{ id: 'hbs', name: 'Bürgerbüro Halberstadt' }] });
      for (const ifNoneMatch of [tag, tag.slice(2), `"other", ${tag}`, '*']) {
        const again = await fetch(`${url}/offices`, { headers: { 'if-none-match': ifNoneMatch } });
        expect([again.status, again.headers.get('etag'), await again.text()]).toEqual([304, tag, '']);
      }
      const stale = await fetch(`${url}/offices`, { headers: { 'if-none-match': 'W/"5-abc"' } });
      expect(stale.status).toBe(200);
      expect((await stale.json()).offices).toHaveLength(1);
    });

    it('hashes no write: a POST answer has no ETag and ignores If-None-Match', async () => {
      const res = await fetch(`${url}/created`, { method: 'POST', headers: { 'if-none-match': '*' } });
      expect([res.status, res.headers.get('etag')]).toEqual([201, null]);
    });

    it('leaves strings, chosen content types, 204 and HEAD to Express', async () => {
      const text = await fetch(`${url}/text`);
      expect([text.headers.get('content-type'), await text.text()]).toEqual(['text/html; charset=utf-8', 'plain']);
      const calendar = await fetch(`${url}/calendar`);
      expect(calendar.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const nothing = await fetch(`${url}/nothing`, { method: 'POST' });
      expect([nothing.status, await nothing.text()]).toEqual([204, '']);
      const head = await fetch(`${url}/created`, { method: 'HEAD' });
      expect([head.status, await head.text()]).toEqual([200, '']);
    });
  });

  it('keeps Express’s path (and its ETag) in an app that wants ETags', async () => {
    const { app, url } = await appWith(true);
    try {
      const res = await fetch(`${url}/created`, { method: 'POST' });
      expect(res.headers.get('etag')).toMatch(/^W\//);
      expect(await res.json()).toEqual({ held: 'hbs', names: { de: 'Bürgerbüro' } });
    } finally {
      await app.close();
    }
  });
});
