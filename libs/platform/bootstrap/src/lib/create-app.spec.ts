import { Body, Controller, Get, HttpCode, Module, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { HealthModule } from '@bff/platform-health';
import { LoggingModule } from '@bff/platform-logging';
import { NotFoundProblem } from '@bff/platform-problem';
import { createApp } from './create-app';

class IdParams {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) id!: number;
}
class ListQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit = 10;
}
class CreateThing {
  @ApiProperty() @IsString() @MinLength(2) name!: string;
}

@Controller('things')
class ThingsController {
  @Get()
  list(@Query() query: ListQuery) {
    return { limit: query.limit };
  }

  @Get(':id')
  get(@Param() params: IdParams) {
    if (params.id === 404) throw new NotFoundProblem('thing', params.id);
    if (params.id === 500) throw new Error('database password is hunter2');
    return { id: params.id };
  }

  @Post()
  @HttpCode(201)
  create(@Body() body: CreateThing) {
    return body;
  }
}

@Module({
  imports: [LoggingModule.forRoot({ service: 'test', level: 'silent' }), HealthModule.forRoot()],
  controllers: [ThingsController],
})
class TestModule {}

describe('createApp (over real HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    app = await createApp({
      module: TestModule,
      openApi: { title: 'test', description: 'test', version: '0.0.0' },
      bodyLimit: 1024,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const problem = async (res: Response, status: number): Promise<any> => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body: any = await res.json();
    expect(body).toMatchObject({
      status,
      type: 'about:blank',
      requestId: res.headers.get('x-request-id'),
    });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/);
    return body;
  };

  it('serves a valid request, converting path and query types', async () => {
    expect(await (await fetch(`${base}/things/7`)).json()).toEqual({ id: 7 });
    expect(await (await fetch(`${base}/things?limit=5`)).json()).toEqual({ limit: 5 });
  });

  it('returns 400 problem+json naming the field for a malformed id', async () => {
    const body = await problem(await fetch(`${base}/things/abc`), 400);
    expect(body.code).toBe('validation_failed');
    expect(body.errors[0].field).toBe('id');
  });

  it('returns 400 for an unknown query parameter and for an out-of-range one', async () => {
    const unknown = await problem(await fetch(`${base}/things?limit=5&admin=1`), 400);
    expect(unknown.errors[0]).toMatchObject({ field: 'admin' });
    await problem(await fetch(`${base}/things?limit=500`), 400);
  });

  it('returns 400 for malformed JSON, wrong types and extra body fields', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${base}/things`, { method: 'POST', headers: { 'content-type': type }, body });
    await problem(await post('{"name":'), 400);
    await problem(await post('{"name":42}'), 400);
    await problem(await post('{"name":"ok","isAdmin":true}'), 400);
    expect((await post('{"name":"ok"}')).status).toBe(201);
  });

  it('returns 415 for an unsupported media type and 413 for an oversized body', async () => {
    await problem(
      await fetch(`${base}/things`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'a,b',
      }),
      415,
    );
    await problem(
      await fetch(`${base}/things`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(4096) }),
      }),
      413,
    );
  });

  it('returns 404 problem+json for a domain not-found and for an unknown route', async () => {
    const body = await problem(await fetch(`${base}/things/404`), 404);
    expect(body).toMatchObject({
      code: 'thing_not_found',
      detail: 'No thing has id 404.',
      instance: '/things/404',
    });
    await problem(await fetch(`${base}/nowhere`), 404);
  });

  it('hides the cause of an unexpected error behind a generic 500', async () => {
    const body = await problem(await fetch(`${base}/things/500`), 500);
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('echoes a well-formed X-Request-Id and uses it in problem bodies', async () => {
    const res = await fetch(`${base}/things/abc`, { headers: { 'x-request-id': 'trace-me-1234' } });
    expect(res.headers.get('x-request-id')).toBe('trace-me-1234');
    expect(((await res.json()) as { requestId: string }).requestId).toBe('trace-me-1234');
  });

  it('serves health, Swagger UI and the OpenAPI document', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${base}/health/ready`)).json()).toMatchObject({ status: 'ok' });
    expect(await (await fetch(`${base}/docs`)).text()).toContain('swagger-ui');
    const doc: any = await (await fetch(`${base}/docs-json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/things', '/things/{id}', '/health/ready']),
    );
  });

  it('sends the security headers on every answer, errors included', async () => {
    for (const path of ['/things/7', '/things/abc', '/nowhere', '/health/live']) {
      const res = await fetch(`${base}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('strict-transport-security')).toMatch(
        /max-age=31536000; includeSubDomains/,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('lets only Swagger UI use inline styles, and never inline scripts', async () => {
    const csp = (await fetch(`${base}/docs`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('createApp with service-specific additions', () => {
  it("adds CSP directives and runs the service's own Fastify setup before serving", async () => {
    const app = await createApp({
      module: TestModule,
      openApi: { title: 'test', description: 'test', version: '0.0.0' },
      contentSecurityPolicy: { 'img-src': ["'self'", 'https://images.example.net'] },
      configure: (created) => {
        created
          .getHttpAdapter()
          .getInstance()
          .get('/configured', async () => ({ configured: true }));
      },
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${await app.getUrl()}/configured`);
      expect(await res.json()).toEqual({ configured: true });
      expect(res.headers.get('content-security-policy')).toContain(
        "img-src 'self' https://images.example.net",
      );
      expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
    } finally {
      await app.close();
    }
  });
});

describe('createApp behind a proxy', () => {
  @Controller('whoami')
  class WhoAmIController {
    @Get()
    who(@Req() request: FastifyRequest) {
      return { ip: request.ip };
    }
  }
  @Module({
    imports: [LoggingModule.forRoot({ service: 'test', level: 'silent' })],
    controllers: [WhoAmIController],
  })
  class ProxyModule {}

  const ipSeen = async (trustProxy: boolean | number | string[] | undefined) => {
    const app = await createApp({
      module: ProxyModule,
      openApi: { title: 'test', description: 'test', version: '0.0.0' },
      trustProxy,
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${await app.getUrl()}/whoami`, {
        headers: { 'x-forwarded-for': '203.0.113.9, 10.1.2.3' },
      });
      return ((await res.json()) as { ip: string }).ip;
    } finally {
      await app.close();
    }
  };

  it('ignores X-Forwarded-For unless told to trust the proxy in front', async () => {
    expect(await ipSeen(undefined)).toBe('127.0.0.1');
    expect(await ipSeen(1)).toBe('10.1.2.3');
    expect(await ipSeen(2)).toBe('203.0.113.9');
    expect(await ipSeen(['127.0.0.1', '10.0.0.0/8'])).toBe('203.0.113.9');
  });
});
