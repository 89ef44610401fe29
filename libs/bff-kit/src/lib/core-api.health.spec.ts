import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthModule } from '@bff/platform-health';
import { ManualClock } from '@bff/platform-state';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoreApiHealthIndicator, READINESS_CACHE_MS } from './core-api.health';

describe('readiness of a BFF (over real HTTP, with a counting core-api)', () => {
  const clock = new ManualClock();
  let coreApi: Server;
  let coreCalls = 0;
  let coreStatus = 200;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    coreApi = createServer((req, res) => {
      if (req.url === '/health/live') coreCalls++;
      res.writeHead(coreStatus, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    await new Promise<void>((done) => coreApi.listen(0, '127.0.0.1', done));
    const indicator = new CoreApiHealthIndicator(
      `http://127.0.0.1:${(coreApi.address() as AddressInfo).port}`,
      clock,
    );
    @Module({
      providers: [{ provide: CoreApiHealthIndicator, useValue: indicator }],
      exports: [CoreApiHealthIndicator],
    })
    class CoreModule {}
    @Module({
      imports: [
        HealthModule.forRoot({
          imports: [CoreModule],
          inject: [CoreApiHealthIndicator],
          readiness: (core: CoreApiHealthIndicator) => [() => core.check()],
        }),
      ],
    })
    class AppModule {}
    app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
    await new Promise((done) => coreApi.close(done));
  });

  it('does not turn a flood of /health/ready calls into as many calls to core-api', async () => {
    const ready = () => fetch(`${base}/health/ready`).then((res) => res.json());
    const first = await Promise.all(Array.from({ length: 10 }, ready));
    for (let i = 0; i < 10; i++) await ready();
    expect(coreCalls).toBe(1);
    expect(first[0]).toMatchObject({
      details: { coreApi: { status: 'up', reachable: true, httpStatus: 200 } },
    });

    clock.advance(READINESS_CACHE_MS - 1);
    await ready();
    expect(coreCalls).toBe(1);
    clock.advance(1);
    await Promise.all(Array.from({ length: 20 }, ready));
    expect(coreCalls).toBe(2);
  });

  it('reports core-api as reachable when it answers but keeps its probes elsewhere', async () => {
    coreStatus = 404;
    clock.advance(READINESS_CACHE_MS);
    const body = await (await fetch(`${base}/health/ready`)).json();
    expect(body).toMatchObject({ details: { coreApi: { reachable: true, httpStatus: 404 } } });
    coreStatus = 200;
  });
});
