import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ValidationProblem } from '@bff/platform-problem';
import type { FastifyRequest } from 'fastify';

const KEY = /^[\x21-\x7E]{1,255}$/;

const readKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (typeof value === 'string' && KEY.test(value)) return value;
  throw new ValidationProblem([
    {
      field: 'idempotency-key',
      in: 'header',
      messages: [
        'Idempotency-Key must be 1–255 visible ASCII characters, one per attempt to check out',
      ],
    },
  ]);
});

/** The required `Idempotency-Key` header (400 when missing or malformed), documented. */
export const IdempotencyKey = (): ParameterDecorator => readKey();

export const ApiIdempotencyKey = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        'One key per checkout attempt (1–255 visible ASCII characters); a retry with the same key and body gets the same order, never a second one.',
      schema: { type: 'string', minLength: 1, maxLength: 255, example: 'b3c1e0a2-checkout-1' },
    }),
  );
