import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, type MicroserviceOptions } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { NamespacedNatsClient, NamespacedNatsServer } from './namespaced-nats';

const NATS = 'nats://127.0.0.1:4222';

function echoApp(identity: string) {
  @Controller()
  class Echo {
    @MessagePattern('probe.who')
    who() {
      return identity;
    }
  }
  @Module({ controllers: [Echo] })
  class EchoModule {}
  return EchoModule;
}

async function startEcho(namespace: string, identity: string) {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(echoApp(identity), {
    strategy: new NamespacedNatsServer(namespace, { servers: [NATS], queue: 'probe' }),
    logger: false,
  });
  await app.listen();
  return app;
}

describe('request/reply subjects under a namespace', () => {
  it('answers each request from the system of its own namespace, though both share pattern and queue group', async () => {
    const [a, b] = [`ns-a-${randomUUID().slice(0, 8)}`, `ns-b-${randomUUID().slice(0, 8)}`];
    const servers = await Promise.all([startEcho(a, 'system A'), startEcho(b, 'system B')]);
    const clients = [new NamespacedNatsClient({ servers: [NATS], rpcNamespace: a }), new NamespacedNatsClient({ servers: [NATS], rpcNamespace: b })];
    try {
      for (let round = 0; round < 20; round++) {
        await expect(firstValueFrom(clients[0].send('probe.who', {}))).resolves.toBe('system A');
        await expect(firstValueFrom(clients[1].send('probe.who', {}))).resolves.toBe('system B');
      }
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
