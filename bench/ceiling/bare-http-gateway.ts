/*
 * The ceiling of the HTTP path on this machine: node:http with no framework in front of the NATS-only
 * booking service (nats-only-booking.ts). It serves the three POSTs of a booking at the gateway's
 * paths, reads the JSON body, makes the one NATS request each makes (over one wildcard inbox, the
 * cheapest request nats.js allows, as the gateway's RpcClient does) and answers its value as JSON. No
 * Nest, no Express, no validation, no captcha, no rate limit, no security headers.
 *
 * Started by bench:booking (env: NATS_URL, RPC_NAMESPACE, HTTP_PORT); prints nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { BOOKING } from '@app/contracts';
import { RequestMux } from '@app/eventstore';
import { rpcSubject } from '@app/platform';
import { connect } from 'nats';

const ROUTES: readonly [RegExp, string, number][] = [
  [/^\/api\/offices\/[^/]+\/holds$/, BOOKING.placeHold, 201],
  [/^\/api\/offices\/[^/]+\/holds\/[^/]+\/contact$/, BOOKING.submitContact, 201],
  [/^\/api\/appointments\/[^/]+\/activate$/, BOOKING.activate, 200],
];

async function main(): Promise<void> {
  const env = process.env;
  const nc = await connect({ servers: env['NATS_URL'] ?? 'nats://127.0.0.1:4222', name: 'bench-ceiling-gateway' });
  const namespace = env['RPC_NAMESPACE'] ?? '';
  const mux = new RequestMux(nc, 30_000);
  const server = createServer((req, res) => void serve(mux, namespace, req, res));
  server.listen(Number(env['HTTP_PORT']), '127.0.0.1', () => process.send?.('ready'));
}

async function serve(mux: RequestMux, namespace: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = ROUTES.find(([path]) => path.test(req.url ?? ''));
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!route || req.method !== 'POST') return void res.writeHead(404).end();
  const [, pattern, status] = route;
  const packet = JSON.stringify({ pattern, data: JSON.parse(Buffer.concat(chunks).toString('utf8')), id: '1' });
  const reply = JSON.parse((await mux.request(rpcSubject(namespace, pattern), packet)).string()) as { response: { value: unknown } };
  const body = JSON.stringify(reply.response.value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
