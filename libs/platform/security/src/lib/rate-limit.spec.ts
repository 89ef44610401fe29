import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemFilter } from '@bff/platform-problem';
import { StateModule } from '@bff/platform-state';
import { randomUUID } from 'node:crypto';
import { AuthRateLimit, RateLimitModule } from './rate-limit.module';

const REDIS_URL = process.env['REDIS_URL'];

@Controller()
class LimitedController {
  @Get('catalog')
  catalog() {
    return { ok: true };
  }

  @Post('login')
  @AuthRateLimit()
  login() {
    return { ok: true };
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }
}

async function start(
  limits: { general: number; auth: number },
  state: { namespace: string; redisUrl?: string },
  trustProxy = false,
) {
  @Module({
    imports: [
      StateModule.forRoot(state),
      RateLimitModule.forRoot({
        RATE_LIMIT_MAX: limits.general,
        RATE_LIMIT_WINDOW_MS: 60_000,
        AUTH_RATE_LIMIT_MAX: limits.auth,
      }),
    ],
    controllers: [LimitedController],
  })
  class LimitedModule {}
  const app = await NestFactory.create<NestFastifyApplication>(
    LimitedModule,
    new FastifyAdapter({ trustProxy }),
    { logger: false },
  );
  app.useGlobalFilters(new ProblemFilter());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: await app.getUrl() };
}

const statuses = async (count: number, request: () => Promise<Response>) => {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await request()).status);
  return out;
};

describe('RateLimitModule (over real HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeEach(async () => {
    ({ app, base } = await start({ general: 5, auth: 2 }, { namespace: `spec-${randomUUID()}` }));
  });
  afterEach(() => app.close());

  it('answers 429 problem+json with Retry-After once a client passes the general limit', async () => {
    expect(await statuses(5, () => fetch(`${base}/catalog`))).toEqual([200, 200, 200, 200, 200]);
    const res = await fetch(`${base}/catalog`);
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await res.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: retryAfter,
    });
  });

  it('holds credential routes to the stricter limit', async () => {
    const login = () => fetch(`${base}/login`, { method: 'POST' });
    expect(await statuses(3, login)).toEqual([201, 201, 429]);
    // The general limit on another route is untouched by the login attempts.
    expect((await fetch(`${base}/catalog`)).status).toBe(200);
  });

  it('never limits health probes', async () => {
    expect(new Set(await statuses(12, () => fetch(`${base}/health/live`)))).toEqual(new Set([200]));
  });
});

describe('RateLimitModule behind a trusted proxy', () => {
  it('counts every address of one IPv6 /64 as one client, and another /64 apart', async () => {
    const { app, base } = await start(
      { general: 100, auth: 2 },
      { namespace: `spec-${randomUUID()}` },
      true,
    );
    const from = (address: string) =>
      fetch(`${base}/login`, { method: 'POST', headers: { 'x-forwarded-for': address } });
    try {
      expect((await from('2001:db8:1:2::1')).status).toBe(201);
      expect((await from('2001:0DB8:0001:0002:ffff:0:0:9')).status).toBe(201);
      const third = await from('2001:db8:1:2:abcd::42');
      expect(third.status).toBe(429);
      expect((await from('2001:db8:1:3::1')).status).toBe(201);
      expect((await from('::ffff:192.0.2.1')).status).toBe(201);
      expect((await from('192.0.2.1')).status).toBe(201);
      expect((await from('::ffff:c000:201')).status).toBe(429);
    } finally {
      await app.close();
    }
  });
});

describe('RateLimitModule across replicas', () => {
  (REDIS_URL ? it : it.skip)(
    `counts two instances sharing Redis against one limit (${REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set'})`,
    async () => {
      const state = { namespace: `spec-${randomUUID()}`, redisUrl: REDIS_URL };
      const one = await start({ general: 4, auth: 2 }, state);
      const two = await start({ general: 4, auth: 2 }, state);
      try {
        const alternate = await statuses(
          6,
          (() => {
            let i = 0;
            return () => fetch(`${(i++ % 2 ? two : one).base}/catalog`);
          })(),
        );
        expect(alternate).toEqual([200, 200, 200, 200, 429, 429]);
      } finally {
        await Promise.all([one.app.close(), two.app.close()]);
      }
    },
  );
});
