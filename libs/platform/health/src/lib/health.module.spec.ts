import { Module } from '@nestjs/common';
import { ProblemFilter } from '@bff/platform-problem';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthIndicatorService } from '@nestjs/terminus';
import { HealthModule } from './health.module';
import { LifecycleService } from './lifecycle.service';

class FakeDatabase {
  up = true;
}

@Module({
  providers: [FakeDatabase, HealthIndicatorService],
  exports: [FakeDatabase, HealthIndicatorService],
})
class DatabaseModule {}

describe('HealthModule (over real HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;
  let db: FakeDatabase;

  beforeAll(async () => {
    @Module({
      imports: [
        HealthModule.forRoot({
          imports: [DatabaseModule],
          inject: [FakeDatabase, HealthIndicatorService],
          readiness: (database: FakeDatabase, indicator: HealthIndicatorService) => [
            async () =>
              database.up
                ? indicator.check('database').up()
                : indicator.check('database').down({ reason: 'ping failed' }),
          ],
        }),
      ],
    })
    class AppModule {}
    app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
      logger: false,
    });
    // As in every service: the problem filter must not swallow readiness details.
    app.useGlobalFilters(new ProblemFilter());
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
    db = app.get(FakeDatabase);
  });
  afterAll(() => app.close());

  it('is live and ready while its checks pass', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const res = await fetch(`${base}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, lifecycle: { status: 'up' } },
    });
  });

  it('fails readiness with 503 but stays live when a dependency is down', async () => {
    db.up = false;
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'error',
      error: { database: { status: 'down', reason: 'ping failed' } },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    db.up = true;
  });

  it('fails readiness as soon as shutdown begins', async () => {
    app.get(LifecycleService).beginShutdown('SIGTERM');
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      error: { lifecycle: { status: 'down', state: 'shutting-down' } },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});

describe('HealthModule without details', () => {
  it('answers only the status', async () => {
    @Module({ imports: [HealthModule.forRoot({ details: false })] })
    class AppModule {}
    const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(await (await fetch(`${await app.getUrl()}/health/ready`)).json()).toEqual({
        status: 'ok',
      });
    } finally {
      await app.close();
    }
  });
});
