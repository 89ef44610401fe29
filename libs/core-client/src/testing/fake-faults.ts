// The fake core-api's answers that a test asks for instead of the fake's own: a failure, a hang,
// or another body, for one method and path. Said as verbs on the fake:
// `core.fail('GET', '/products/1/reviews', 503)`, `core.hang('GET', '/products/:id')`.
import { titleFor } from '@bff/platform-problem';
import { ServerResponse } from 'node:http';
import { json } from './stub-server';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';

export interface FailOptions {
  /** The answer's body; by default a problem like core-api's for the status. */
  body?: unknown;
  /** Headers beside the content type, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
  /** How many matching requests get this answer; after that the fake answers again. Default: all. */
  times?: number;
}

interface Rule {
  method: HttpMethod;
  matches: (path: string) => string[] | undefined;
  /** Answers `res` (to a request for `path`), or leaves it hanging. */
  act: (res: ServerResponse, path: string) => void;
  remaining: number;
}

/**
 * A problem+json body shaped like core-api's (RFC 9457, with its `code` and request id), as the
 * committed document declares it.
 */
export function problemBody(
  status: number,
  instance: string,
  requestId: string,
  extension: { code?: string; detail?: string; [member: string]: unknown } = {},
): Record<string, unknown> {
  return {
    type: 'about:blank',
    title: titleFor(status),
    status,
    ...extension,
    instance,
    requestId,
  };
}

/**
 * A path as a test writes it: exact (`/products/1/reviews`), or with `:name` segments that match
 * any one segment (`/products/:id/reviews`). The query is never part of it. The matcher answers
 * the segments the names stood for (raw, as sent), or undefined when `path` does not match.
 */
export function pathMatcher(pattern: string): (path: string) => string[] | undefined {
  const segments = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  const regex = new RegExp(`^${segments.join('/')}$`);
  return (path) => regex.exec(path)?.slice(1);
}

/** The rules a test set, newest first, and the requests left hanging by them. */
export class FaultRules {
  private rules: Rule[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private answered = 0;

  /** Answers `status` with `options.body` (or a problem) to matching requests. */
  answer(method: HttpMethod, path: string, status: number, options: FailOptions = {}): void {
    this.add(method, path, options.times, (res, requested) => {
      const body =
        'body' in options
          ? options.body
          : problemBody(status, requested, `fake-fault-${++this.answered}`, {
              code: 'fake_failure',
              detail: `The test made ${method} ${path} answer ${status}.`,
            });
      json(res, status, body, options.headers);
    });
  }

  /** Never answers matching requests, until `clear()` (or the fake stops). */
  hang(method: HttpMethod, path: string): void {
    this.add(method, path, undefined, (res) => {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
    });
  }

  /** Takes the request over when a rule matches it (the newest rule first). */
  handle(method: string, path: string, res: ServerResponse): boolean {
    const rule = this.rules.find((r) => r.method === method && r.remaining > 0 && r.matches(path));
    if (!rule) return false;
    rule.remaining--;
    rule.act(res, path);
    return true;
  }

  /** Forgets every rule and drops the requests left hanging (their connections are reset). */
  clear(): void {
    this.rules = [];
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  private add(method: HttpMethod, path: string, times = Infinity, act: Rule['act']): void {
    if (!path.startsWith('/') || path.includes('?')) {
      throw new Error(`A fault's path is a path without a query, e.g. /products/:id: ${path}`);
    }
    this.rules.unshift({ method, matches: pathMatcher(path), act, remaining: times });
  }
}
