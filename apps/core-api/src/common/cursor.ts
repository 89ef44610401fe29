import { ValidationProblem } from '@bff/platform-problem';

/**
 * Opaque keyset cursors: the sort key of the last item of a page, as base64url JSON. Clients
 * treat them as opaque; anything that does not decode to what `parse` accepts is a 400.
 */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(
  raw: string,
  parse: (value: Record<string, unknown>) => T | undefined,
): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed =
    decoded && typeof decoded === 'object' && !Array.isArray(decoded)
      ? parse(decoded as Record<string, unknown>)
      : undefined;
  if (parsed === undefined) {
    throw new ValidationProblem([
      {
        field: 'cursor',
        in: 'query',
        messages: ['cursor must be a cursor returned by a previous page with the same filters'],
      },
    ]);
  }
  return parsed;
}

/** A timestamp + id position (newest-first lists). */
export interface TimeCursor {
  createdAt: Date;
  id: number;
}

export const encodeTimeCursor = ({ createdAt, id }: TimeCursor): string =>
  encodeCursor({ c: createdAt.toISOString(), i: id });

export const decodeTimeCursor = (raw: string): TimeCursor =>
  decodeCursor(raw, ({ c, i }) => {
    const createdAt = typeof c === 'string' ? new Date(c) : undefined;
    return createdAt &&
      !Number.isNaN(createdAt.getTime()) &&
      Number.isSafeInteger(i) &&
      (i as number) > 0
      ? { createdAt, id: i as number }
      : undefined;
  });
