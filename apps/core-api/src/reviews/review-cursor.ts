import { ValidationProblem } from '@bff/platform-problem';

/** Position after the last review of a page: reviews are ordered newest first, then by id. */
export interface ReviewCursor {
  createdAt: Date;
  id: number;
}

export function encodeReviewCursor(cursor: ReviewCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt.toISOString(), i: cursor.id })).toString('base64url');
}

/** Decodes a cursor from a client; anything not produced by {@link encodeReviewCursor} is a 400. */
export function decodeReviewCursor(raw: string): ReviewCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    const createdAt = typeof value.c === 'string' ? new Date(value.c) : undefined;
    if (createdAt && !Number.isNaN(createdAt.getTime()) && Number.isSafeInteger(value.i) && (value.i as number) > 0) {
      return { createdAt, id: value.i as number };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ValidationProblem([{ field: 'cursor', in: 'query', messages: ['cursor must be a cursor returned by a previous page'] }]);
}
