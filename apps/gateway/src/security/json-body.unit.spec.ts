import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { plainJsonBody } from './json-body';

const LIMIT = 100;

describe('plainJsonBody (short path before body-parser)', () => {
  let server: Server;
  let url: string;
  const parsedBy: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(plainJsonBody(LIMIT));
    app.use((req: Request, _res: Response, next: NextFunction) => {
      parsedBy.push(req.readableEnded ? 'short path' : 'body-parser');
      next();
    });
    app.use(express.json({ limit: LIMIT }));
    app.post('/', (req: Request, res: Response) => {
      res.json({ body: req.body as unknown });
    });
    app.use((err: { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
      res.status(err.status ?? 500).json({ type: err.type });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (parsedBy.length = 0));

  const post = async (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
    const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
    return { status: res.status, json: (await res.json()) as { body?: unknown; type?: string } };
  };

  it('reads a plain UTF-8 JSON object itself', async () => {
    expect(await post('{"name":"Bürger","n":[1,2]}')).toEqual({ status: 200, json: { body: { name: 'Bürger', n: [1, 2] } } });
    expect(parsedBy).toEqual(['short path']);
  });

  it('accepts the explicit utf-8 charset and ignores a byte order mark, as body-parser does', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[true]')]);
    expect(await post(withBom, { 'content-type': 'application/json; charset=UTF-8' })).toEqual({ status: 200, json: { body: [true] } });
    expect(parsedBy).toEqual(['short path']);
  });

  it('refuses what body-parser refuses, with its error types: malformed JSON and a bare value (strict)', async () => {
    expect(await post('{"a":')).toEqual({ status: 400, json: { type: 'entity.parse.failed' } });
    expect(await post(' "just a string"')).toEqual({ status: 400, json: { type: 'entity.parse.failed' } });
    expect(parsedBy).toEqual([]); // refused on the short path: body-parser never saw them
  });

  it('leaves everything unusual to body-parser: other charsets, encodings, types and bodies over the limit', async () => {
    expect((await post('{"a":1}', { 'content-type': 'application/json; charset=latin1' })).json).toEqual({ type: 'charset.unsupported' });
    expect((await post('{"a":1}', { 'content-type': 'application/json', 'content-encoding': 'br2' })).json).toEqual({ type: 'encoding.unsupported' });
    expect(await post('{"a":1}', { 'content-type': 'application/merge-patch+json' })).toEqual({ status: 200, json: {} });
    expect(await post(JSON.stringify({ text: 'x'.repeat(LIMIT) }))).toEqual({ status: 413, json: { type: 'entity.too.large' } });
    expect(parsedBy).toEqual(['body-parser', 'body-parser', 'body-parser', 'body-parser']);
  });
});
