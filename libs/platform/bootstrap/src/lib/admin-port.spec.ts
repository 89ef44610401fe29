import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthModule } from '@bff/platform-health';
import { LoggingModule } from '@bff/platform-logging';
import { MetricsModule } from '@bff/platform-metrics';
import { adminPortOf, separateOperations } from './admin-port';
import { createApp } from './create-app';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return { things: [] };
  }
}

@Module({
  imports: [
    LoggingModule.forRoot({ service: 'test', level: 'silent' }),
    HealthModule.forRoot(),
    MetricsModule.forRoot({ service: 'test', expose: true }),
  ],
  controllers: [ThingsController],
})
class TestModule {}

const OPERATIONS = ['/health/live', '/health/ready', '/metrics', '/docs', '/docs-json'];

/** The app as bootstrap() builds it with an admin port: both ports on 127.0.0.1, picked per run. */
async function start() {
  let listen: ((port: number, host: string) => Promise<string>) | undefined;
  const app = await createApp({
    module: TestModule,
    openApi: { title: 'test', description: 'test', version: '0.0.0' },
    configure: (created) => void (listen = separateOperations(created).listen),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: await app.getUrl(), admin: await listen!(0, '127.0.0.1') };
}

describe('the admin port (over real HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;
  let admin: string;

  beforeAll(async () => {
    ({ app, base, admin } = await start());
  });
  afterAll(() => app.close());

  it.each([
    ...OPERATIONS,
    '/%6detrics',
    '/metrics/',
    '/health/%72eady',
    '/docs/',
    '/docs/swagger-ui.css',
  ])('answers %s on the public port as a route that does not exist', async (path) => {
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(`${base}${path}`, { method });
      expect({ method, status: res.status, type: res.headers.get('content-type') }).toEqual({
        method,
        status: 404,
        type: expect.stringContaining('application/problem+json'),
      });
    }
  });

  it.each([...OPERATIONS, '/%6detrics', '/docs/swagger-ui.css'])(
    'serves %s on the admin port',
    async (path) => {
      expect((await fetch(`${admin}${path}`)).status).toBe(200);
    },
  );

  it('serves the API on the public port only', async () => {
    expect((await fetch(`${base}/things`)).status).toBe(200);
    const res = await fetch(`${admin}/things`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('closes the admin port with the app', async () => {
    const { app: other, admin: url } = await start();
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    await other.close();
    await expect(fetch(`${url}/health/live`)).rejects.toThrow();
  });
});

describe('adminPortOf', () => {
  it('moves the operational endpoints to 9000 in production unless told otherwise', () => {
    expect(adminPortOf({ NODE_ENV: 'production' })).toBe(9000);
    expect(adminPortOf({ NODE_ENV: 'production', ADMIN_PORT: 9100 })).toBe(9100);
    expect(adminPortOf({ NODE_ENV: 'development' })).toBeUndefined();
    expect(adminPortOf({ NODE_ENV: 'test', ADMIN_PORT: 0 })).toBe(0);
  });
});
