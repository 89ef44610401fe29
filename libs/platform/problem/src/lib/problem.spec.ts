import { BadRequestException, HttpException, HttpStatus, ValidationError } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { NotFoundProblem, ProblemException, ValidationProblem } from './problem';
import { toProblem } from './problem.filter';
import { createValidationPipe, prototypeKeyPaths, toFieldErrors } from './validation';

const request = { id: 'req-12345678', url: '/products/abc?x=1' } as unknown as FastifyRequest;

describe('toProblem', () => {
  it('maps a domain ProblemException with its code and extensions', () => {
    class OutOfStock extends ProblemException {
      constructor() {
        super(HttpStatus.CONFLICT, 'out_of_stock', 'Only 2 left.', { available: 2 });
      }
    }
    expect(toProblem(new OutOfStock(), request)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Only 2 left.',
      code: 'out_of_stock',
      available: 2,
      instance: '/products/abc',
      requestId: 'req-12345678',
    });
  });

  it('maps NotFoundProblem to 404 with a resource-specific code', () => {
    expect(toProblem(new NotFoundProblem('product', 9), request)).toMatchObject({
      status: 404,
      code: 'product_not_found',
      detail: 'No product has id 9.',
    });
  });

  it("keeps Nest's HttpException status and message", () => {
    expect(toProblem(new BadRequestException('nope'), request)).toMatchObject({
      status: 400,
      title: 'Bad Request',
      detail: 'nope',
    });
  });

  it('keeps the 4xx status of a Fastify error and only the first line of its message', () => {
    const error = Object.assign(new Error('Body is not valid JSON\n    at parse (x.js:1:1)'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(toProblem(error, request)).toMatchObject({
      status: 400,
      detail: 'Body is not valid JSON',
    });
  });

  it('gives Fastify errors a stable code, whether Nest wraps them or not, and no echo of a long path', () => {
    const tooLong = Object.assign(
      new Error(`'/things/${'a'.repeat(201)}' is exceeding the max param length`),
      {
        statusCode: 414,
        code: 'FST_ERR_MAX_PARAM_LENGTH',
      },
    );
    const problem = toProblem(tooLong, request);
    expect(problem).toMatchObject({
      status: 414,
      title: 'URI Too Long',
      code: 'path_parameter_too_long',
    });
    expect(problem.detail).not.toContain('aaaa');
    const mediaType = Object.assign(new Error('Unsupported Media Type'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
    const wrapped = new HttpException('Unsupported Media Type', 415, { cause: mediaType });
    expect(toProblem(wrapped, request)).toMatchObject({ status: 415, code: 'json_body_required' });
  });

  it('turns anything else into a 500 that reveals nothing', () => {
    for (const thrown of [
      new Error('secret connection string'),
      'a string',
      null,
      { statusCode: 418 },
    ]) {
      const problem = toProblem(thrown, request);
      expect(problem.status).toBe(500);
      expect(JSON.stringify(problem)).not.toContain('secret');
    }
  });
});

const ve = (fields: Partial<ValidationError>): ValidationError => ({
  property: '',
  children: [],
  ...fields,
});

describe('validation errors', () => {
  it('flattens nested class-validator errors into dotted field paths', () => {
    const errors = [
      ve({
        property: 'items',
        children: [
          ve({
            property: '0',
            children: [
              ve({
                property: 'quantity',
                constraints: { min: 'quantity must not be less than 1' },
              }),
            ],
          }),
        ],
      }),
      ve({ property: 'extra', constraints: { whitelist: 'property extra should not exist' } }),
    ];
    const fields = toFieldErrors(errors);
    expect(fields).toEqual([
      { field: 'items.0.quantity', messages: ['quantity must not be less than 1'] },
      { field: 'extra', messages: ['property extra should not exist'] },
    ]);
    expect(new ValidationProblem(fields).message).toBe(
      'items.0.quantity: quantity must not be less than 1 (and 1 more)',
    );
  });
});

class NameQuery {
  @IsOptional() @IsString() name?: string;
}

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const query = (entries: Record<string, string>) =>
    Object.assign(Object.create(null) as object, entries);

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses %s as an unknown property instead of deleting it',
    async (key) => {
      const rejected = pipe.transform(query({ name: 'x', [key]: '1' }), {
        type: 'query',
        metatype: NameQuery,
      });
      await expect(rejected).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [{ field: key, messages: [`property ${key} should not exist`] }],
      });
    },
  );

  it('finds prototype keys at any depth without recursion', () => {
    let deep: unknown = { constructor: 1 };
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(prototypeKeyPaths(deep)).toHaveLength(1);
    expect(prototypeKeyPaths(JSON.parse('{"items":[{"ok":1},{"__proto__":{}}]}'))).toEqual([
      'items.1.__proto__',
    ]);
    expect(prototypeKeyPaths({ name: 'constructor' })).toEqual([]);
  });

  it('finds them in a flat value, such as path parameters or a query, as in a nested one', () => {
    const flat = JSON.parse('{"id":"7","__proto__":"x","prototype":null,"constructor":"1"}');
    expect(prototypeKeyPaths(flat)).toEqual(['__proto__', 'prototype', 'constructor']);
    expect(prototypeKeyPaths({ id: '7', sort: 'name' })).toEqual([]);
    expect(prototypeKeyPaths({ id: '7', nested: { constructor: 1 } })).toEqual([
      'nested.constructor',
    ]);
    expect(prototypeKeyPaths('text')).toEqual([]);
  });

  it('still validates what it knows', async () => {
    await expect(
      pipe.transform(query({ name: 'x' }), { type: 'query', metatype: NameQuery }),
    ).resolves.toEqual({ name: 'x' });
  });
});
