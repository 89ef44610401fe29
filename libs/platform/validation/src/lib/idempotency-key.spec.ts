import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemFilter, ValidationProblem } from '@bff/platform-problem';
import { ApiIdempotencyKey, IdempotencyKey, idempotencyKeyOf } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it.each(['a', 'b3c1e0a2-checkout-1', '!~', 'x'.repeat(255)])('accepts %j', (key) => {
    expect(idempotencyKeyOf(key)).toBe(key);
  });

  it.each([undefined, '', 'x'.repeat(256), 'with space', 'tab\there', 'café', ['a', 'b']])(
    'answers a 400 problem naming the header for %j',
    (value) => {
      let thrown: unknown;
      try {
        idempotencyKeyOf(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationProblem);
      expect((thrown as ValidationProblem).getStatus()).toBe(400);
      expect((thrown as ValidationProblem).errors).toEqual([
        {
          field: 'Idempotency-Key',
          in: 'header',
          messages: ['Idempotency-Key must be 1–255 visible ASCII characters'],
        },
      ]);
    },
  );
});

describe('@IdempotencyKey() and @ApiIdempotencyKey() on a route (over real HTTP)', () => {
  @Controller('orders')
  class OrdersController {
    @Post()
    @HttpCode(201)
    @ApiIdempotencyKey()
    place(@IdempotencyKey() key: string) {
      return { key };
    }
  }
  @Module({ controllers: [OrdersController] })
  class AppModule {}

  let app: NestFastifyApplication;
  let base: string;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
      logger: false,
    });
    app.useGlobalFilters(new ProblemFilter());
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const post = (headers: Record<string, string> = {}) =>
    fetch(`${base}/orders`, { method: 'POST', headers });

  it('hands the handler the key the request carries', async () => {
    const res = await post({ 'idempotency-key': 'checkout-1' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ key: 'checkout-1' });
  });

  it.each([
    ['missing', {}],
    ['malformed', { 'idempotency-key': 'two words' }],
  ])('answers 400 problem+json when the key is %s, before the handler runs', async (_, headers) => {
    const res = await post(headers);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'Idempotency-Key', in: 'header' }],
    });
  });

  it('documents the header as required, with its pattern', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(document.paths['/orders']?.post?.parameters).toEqual([
      expect.objectContaining({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        schema: expect.objectContaining({
          type: 'string',
          minLength: 1,
          maxLength: 255,
          pattern: '^[\\x21-\\x7E]{1,255}$',
        }),
      }),
    ]);
  });
});
