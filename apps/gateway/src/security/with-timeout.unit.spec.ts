import { createServer, connect, type Server } from 'node:net';
import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes on an answer that comes in time', async () => {
    await expect(withTimeout(Promise.resolve('OK'), 50)).resolves.toBe('OK');
  });

  it('passes on a failure that comes in time', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 50)).rejects.toThrow('refused');
  });

  it('gives up on an answer that never comes', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20)).rejects.toThrow('did not answer within 20 ms');
  });

  describe('with a real socket', () => {
    let server: Server;
    beforeAll(async () => {
      // Answers at once, then keeps this (single) event loop busy past the caller's timeout, as a gateway
      // saturated with requests does: when the loop turns, the timer is overdue and the answer is waiting.
      server = createServer((socket) =>
        socket.on('data', () => {
          socket.end('+OK\r\n');
          const busyUntil = Date.now() + 100;
          while (Date.now() < busyUntil);
        }),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('does not blame the server for our own busy event loop: an answer already waiting in the socket wins', async () => {
      const port = (server.address() as { port: number }).port;
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const answer = new Promise<string>((resolve) => socket.once('data', (data) => resolve(data.toString())));
      const guarded = withTimeout(answer, 20);
      socket.write('PING\r\n');
      await expect(guarded).resolves.toBe('+OK\r\n');
      socket.destroy();
    });
  });
});
