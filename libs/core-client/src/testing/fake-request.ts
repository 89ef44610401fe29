// What the fake core-api reads from a request before answering it: the JSON body, and the
// customer its service token speaks for.
import { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { FakeProblem } from './fake-catalog';

export interface FakeRequest {
  query: URLSearchParams;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** From the service token's subject: a customer id, or null for `anonymous`. */
  customerId: number | null;
}

export function parseBody(body: string): Record<string, unknown> {
  try {
    return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    throw new FakeProblem(400, 'validation_failed', 'The body is not JSON.');
  }
}

/**
 * The customer a service token speaks for, read from its `sub` (`customer:<id>` or `anonymous`)
 * without verifying it: core-api's own tests prove the verification. No token is a 401.
 */
export function subjectOf(authorization: string | undefined): number | null {
  const payload = /^Bearer [\w-]+\.([\w-]+)\.[\w-]+$/.exec(authorization ?? '')?.[1];
  let sub: unknown;
  try {
    sub =
      payload &&
      (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: unknown }).sub;
  } catch {
    sub = undefined;
  }
  if (sub === 'anonymous') return null;
  const id = typeof sub === 'string' ? /^customer:(\d+)$/.exec(sub)?.[1] : undefined;
  if (!id) {
    throw new FakeProblem(401, 'service_token_required', 'A valid service token is required.');
  }
  return Number(id);
}

/** Personal routes need a customer: an anonymous token is a 403, as in core-api. */
export function customerOf(req: FakeRequest): number {
  if (req.customerId === null) {
    throw new FakeProblem(403, 'customer_required', 'This needs a signed-in customer.');
  }
  return req.customerId;
}

export const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0] ?? '/';

export const isLivenessCheck = (req: IncomingMessage): boolean =>
  req.method === 'GET' && pathOf(req) === '/health/live';
