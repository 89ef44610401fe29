import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ValidationProblem } from '@bff/platform-problem';
import type { FastifyRequest } from 'fastify';

/** The header's name as every service documents it and names it in a 400 problem. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** One key per attempt: 1–255 visible ASCII characters (no space, no control character). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

/**
 * The Idempotency-Key a request carries (`value`: its header), or a 400 `validation_failed`
 * problem naming the header when it is missing or malformed.
 */
export function idempotencyKeyOf(value: unknown): string {
  if (typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value)) return value;
  throw new ValidationProblem([
    {
      field: IDEMPOTENCY_KEY_HEADER,
      in: 'header',
      messages: [`${IDEMPOTENCY_KEY_HEADER} must be 1–255 visible ASCII characters`],
    },
  ]);
}

const readKey = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  idempotencyKeyOf(context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key']),
);

/** The required `Idempotency-Key` header of a write (400 when missing or malformed). */
export const IdempotencyKey = (): ParameterDecorator => readKey();

/** Documents the required `Idempotency-Key` header on a handler that reads `@IdempotencyKey()`. */
export const ApiIdempotencyKey = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: true,
      description:
        'One key per attempt to place an order (e.g. a UUID made when the checkout opens), 1–255 visible ASCII characters; a retry with the same key and body gets the same order, never a second one.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: IDEMPOTENCY_KEY_PATTERN.source,
        example: 'b3c1e0a2-checkout-1',
      },
    }),
  );
