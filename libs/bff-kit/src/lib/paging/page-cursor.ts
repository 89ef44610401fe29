import { ValidationProblem } from '@bff/platform-problem';

const CORE_CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

/**
 * A BFF's clients get the BFF's own opaque cursors, not core-api's: core-api's are base64url JSON
 * (they start `eyJ`, like a JWT), and a storefront or app should not depend on another service's
 * pagination format. Wrapping is enough: nothing secret is in them, core-api validates its own.
 * It also lets the BFF refuse, with its own 400, a cursor it never issued (`?cursor=0`) before
 * asking core-api anything.
 */
export function toPageCursor(coreCursor: string | null): string | null {
  return coreCursor === null ? null : `c${Buffer.from(coreCursor, 'utf8').toString('base64url')}`;
}

/** core-api's cursor from one the client sent back; 400 for anything the BFF did not make. */
export function fromPageCursor(pageCursor: string | undefined): string | undefined {
  if (pageCursor === undefined) return undefined;
  const core = pageCursor.startsWith('c')
    ? Buffer.from(pageCursor.slice(1), 'base64url').toString('utf8')
    : '';
  if (!CORE_CURSOR.test(core)) {
    throw new ValidationProblem([
      {
        field: 'cursor',
        in: 'query',
        messages: ['cursor must be a cursor returned by a previous page'],
      },
    ]);
  }
  return core;
}

/** A page a BFF's client asks for: a size, and a cursor the BFF handed out. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** The same page in core-api's terms (its own cursor); 400 for a cursor the BFF did not make. */
export function toCorePage({ limit, cursor }: PageQuery): { limit?: number; cursor?: string } {
  return { limit, cursor: fromPageCursor(cursor) };
}
