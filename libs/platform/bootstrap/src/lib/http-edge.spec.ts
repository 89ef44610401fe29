import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Module,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { LoggingModule } from '@bff/platform-logging';
import { request as httpRequest } from 'node:http';
import { createApp } from './create-app';

class ListQuery {
  @ApiProperty() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}
class NameParams {
  @ApiProperty() @IsString() name!: string;
}
class Payload {
  @ApiProperty() @IsOptional() @IsString() name?: string;
}

let handled = 0;

@Controller('edge')
class EdgeController {
  @Get('things')
  list(@Query() query: ListQuery) {
    handled++;
    return { limit: query.limit ?? 10 };
  }

  @Get('things/:name')
  get(@Param() params: NameParams) {
    handled++;
    return params;
  }

  @Post('things')
  @HttpCode(201)
  create(@Body() body: Payload) {
    handled++;
    return body;
  }

  @Put('things/:name')
  put(@Param() params: NameParams, @Body() body: Payload) {
    handled++;
    return { ...params, ...body };
  }

  @Delete('things/:name')
  remove(@Param() params: NameParams) {
    handled++;
    return params;
  }

  @Post('actions/sign-in')
  @HttpCode(200)
  signIn(@Body() body: Payload) {
    handled++;
    return body;
  }
}

@Module({
  imports: [LoggingModule.forRoot({ service: 'test', level: 'silent' })],
  controllers: [EdgeController],
})
class EdgeModule {}

describe('the HTTP edge every service shares (createApp over real HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    app = await createApp({
      module: EdgeModule,
      openApi: { title: 'test', description: 'test', version: '0.0.0' },
      jsonBodyLimits: { maxDepth: 8, maxMembers: 50 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });
  afterAll(() => app.close());
  beforeEach(() => (handled = 0));

  const problem = async (res: Response, status: number, code?: string): Promise<any> => {
    const body: any = await res.json();
    expect({ status: res.status, body }).toMatchObject({ status, body: { status } });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
    expect(body.requestId).toBeTruthy();
    if (code) expect(body.code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/ at |stack/);
    return body;
  };
  /** fetch() refuses TRACE: node:http sends any method. */
  const call = (method: string, path: string) =>
    new Promise<Response>((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = Object.entries(res.headers).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          );
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers }));
        });
      });
      req.on('error', reject);
      req.end();
    });
  const send = (method: string, path: string, body: string | FormData | undefined, type?: string) =>
    fetch(`${base}${path}`, { method, body, headers: type ? { 'content-type': type } : {} });

  describe('only application/json bodies are parsed', () => {
    const refused: Array<[string, string, string]> = [
      ['application/x-www-form-urlencoded', 'name=ada', 'a cross-site HTML form'],
      ['text/plain', '{"name":"ada"}', 'a form with enctype=text/plain'],
      ['text/plain;charset=UTF-8', '{"name":"ada"}', 'fetch() with a string body and no type'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nada\r\n--x--\r\n',
        'a multipart form',
      ],
      ['application/merge-patch+json', '{"name":"ada"}', 'a +json type'],
      ['application/json; charset=utf-16', '{"name":"ada"}', 'JSON in another charset'],
      ['application/jsonx', '{"name":"ada"}', 'a type that starts like JSON'],
      ['text/csv', 'a,b', 'any other type'],
    ];
    it.each(refused)(
      'refuses %s (%s) with 415 on every body route, before any handler',
      async (type, payload) => {
        for (const [method, path] of [
          ['POST', '/edge/things'],
          ['PUT', '/edge/things/x'],
          ['POST', '/edge/actions/sign-in'],
          ['DELETE', '/edge/things/x'],
        ]) {
          await problem(await send(method!, path!, payload, type), 415, 'json_body_required');
        }
        expect(handled).toBe(0);
      },
    );

    it('refuses a body sent with no content type, and a FormData body, with 415', async () => {
      const form = new FormData();
      form.set('name', 'ada');
      await problem(await send('POST', '/edge/actions/sign-in', form), 415);
      const raw = await fetch(`${base}/edge/actions/sign-in`, {
        method: 'POST',
        body: new Uint8Array(Buffer.from('name=ada')),
      });
      await problem(raw, 415);
      expect(handled).toBe(0);
    });

    it('accepts application/json, with or without charset=utf-8, in any letter case', async () => {
      for (const type of [
        'application/json',
        'application/json; charset=utf-8',
        'Application/JSON;Charset="UTF-8"',
      ]) {
        const res = await send('POST', '/edge/actions/sign-in', '{"name":"ada"}', type);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ name: 'ada' });
      }
      expect((await send('DELETE', '/edge/things/x', undefined)).status).toBe(200);
    });
  });

  it('declares 413 and 415 problem answers on every operation that takes a body, and only there', async () => {
    const doc = (await (await fetch(`${base}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const [path, method] of [
      ['/edge/things', 'post'],
      ['/edge/things/{name}', 'put'],
      ['/edge/actions/sign-in', 'post'],
    ]) {
      expect(doc.paths[path!]?.[method!]?.responses).toMatchObject({
        413: { content: { 'application/problem+json': {} } },
        415: { description: 'Unsupported Media Type' },
      });
    }
    expect(Object.keys(doc.paths['/edge/things']?.['get']?.responses ?? {})).not.toContain('415');
    expect(
      Object.keys(doc.paths['/edge/things/{name}']?.['delete']?.responses ?? {}),
    ).not.toContain('415');
  });

  describe('JSON bodies are bounded when parsed', () => {
    it('answers 400 body_too_complex to a body nested 10,000 levels deep, without reaching validation', async () => {
      for (const deep of [
        '['.repeat(10_000) + ']'.repeat(10_000),
        '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      ]) {
        const body = await problem(
          await send('POST', '/edge/actions/sign-in', deep, 'application/json'),
          400,
          'body_too_complex',
        );
        expect(body).toMatchObject({ maxDepth: 8 });
      }
      expect(handled).toBe(0);
    });

    it('answers 400 body_too_complex beyond the member count, in objects and arrays alike', async () => {
      const wide = JSON.stringify({ name: 'x', list: Array.from({ length: 60 }, (_, i) => i) });
      await problem(
        await send('POST', '/edge/things', wide, 'application/json'),
        400,
        'body_too_complex',
      );
      const keys = JSON.stringify(
        Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i])),
      );
      await problem(
        await send('POST', '/edge/things', keys, 'application/json'),
        400,
        'body_too_complex',
      );
      expect(handled).toBe(0);
    });

    it('still refuses prototype poisoning (400) and malformed JSON (400) and honours the body limit (413)', async () => {
      for (const poisoned of [
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
        '{"a":{"\\u005f_proto__":{}}}',
      ]) {
        await problem(await send('POST', '/edge/things', poisoned, 'application/json'), 400);
      }
      await problem(
        await send('POST', '/edge/things', '{"name":', 'application/json'),
        400,
        'invalid_json',
      );
      await problem(
        await send('POST', '/edge/things', '', 'application/json'),
        400,
        'invalid_json',
      );
      await problem(
        await send(
          'POST',
          '/edge/things',
          JSON.stringify({ name: 'x'.repeat(200 * 1024) }),
          'application/json',
        ),
        413,
        'body_too_large',
      );
      expect(handled).toBe(0);
    });

    it('refuses constructor and prototype keys in a body as unknown properties (400 validation_failed)', async () => {
      for (const body of ['{"name":"x","constructor":1}', '{"prototype":{}}']) {
        const answer = await problem(
          await send('POST', '/edge/things', body, 'application/json'),
          400,
          'validation_failed',
        );
        expect(answer.errors[0].messages[0]).toMatch(/should not exist/);
      }
      expect(handled).toBe(0);
    });
  });

  describe('a wrong method on an existing path is 405 with Allow', () => {
    it.each([
      ['TRACE', '/edge/things', 'GET, HEAD, POST'],
      ['PATCH', '/edge/things/x', 'GET, HEAD, DELETE, PUT'],
      ['GET', '/edge/actions/sign-in', 'POST'],
      ['PUT', '/edge/actions/sign-in/', 'POST'],
      ['DELETE', '/edge/things', 'GET, HEAD, POST'],
    ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
      const res = await call(method, path);
      expect(res.headers.get('allow')).toBe(allow);
      await problem(res, 405, 'method_not_allowed');
      expect(handled).toBe(0);
    });

    it('answers a CORS preflight with 405 and Allow, approving nothing', async () => {
      const res = await fetch(`${base}/edge/things/x`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'x-csrf, content-type',
        },
      });
      expect(res.headers.get('allow')).toBe('GET, HEAD, DELETE, PUT');
      await problem(res, 405);
      expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
        [],
      );
    });

    it('keeps HEAD on a GET route, and 404 for a path no method has', async () => {
      const head = await fetch(`${base}/edge/things`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      await problem(await call('TRACE', '/edge/nowhere'), 404);
      await problem(await fetch(`${base}/edge/nowhere`), 404);
    });
  });

  describe('what the router refuses is problem+json too', () => {
    it('answers a path parameter over 200 characters with 414 problem+json, request id and security headers', async () => {
      const res = await fetch(`${base}/edge/things/${'a'.repeat(201)}`);
      const body = await problem(res, 414, 'path_parameter_too_long');
      expect(body.title).toBe('URI Too Long');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(`${base}/edge/things/${'a'.repeat(200)}`)).status).toBe(200);
    });

    it('answers a malformed percent-encoding in the path with 400 problem+json', async () => {
      await problem(await fetch(`${base}/edge/things/%E0%A4%A`), 400, 'bad_url');
    });
  });

  describe('prototype keys in the query are unknown parameters', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'answers ?%s=1 with 400 validation_failed like any unknown parameter',
      async (name) => {
        const body = await problem(
          await fetch(`${base}/edge/things?${encodeURIComponent(name)}=1`),
          400,
          'validation_failed',
        );
        expect(body.errors[0].messages[0]).toMatch(/should not exist/);
        expect(handled).toBe(0);
      },
    );

    it('still serves the known parameters', async () => {
      expect(await (await fetch(`${base}/edge/things?limit=5`)).json()).toEqual({ limit: 5 });
    });
  });
});
