// Every operation of the committed OpenAPI document, under every other spelling of its path a
// router might accept: each spelling is either unknown (404) or treated exactly like the
// canonical path: 426 for an app below the minimum version, the same deprecation headers and
// ETag otherwise. Sent over raw HTTP (node:http), because fetch() would normalise `/./` and `/../`.
import { ADA, concretePath } from '@bff/core-client/testing';
import {
  DocumentedOperation,
  documentedOperations,
  pathSpellings,
  RawAnswer,
  sendRaw,
} from '@bff/bff-kit/testing';
import { useMobileBff, VERSION_RULES_ENV } from '../testing/test-app';

/** The query an operation needs to be answered (search needs its words). */
const queryOf = (template: string) => (template.endsWith('/search') ? '?q=kettle' : '');

const BODIES: Record<string, unknown> = {
  token: { email: ADA.customer.email, password: ADA.password },
  items: { quantity: 1 },
};
const bodyFor = (path: string) =>
  BODIES[path.split('/')[3] ?? ''] ?? BODIES[path.split('/')[4] ?? ''] ?? {};

describe('mobile-bff version rules are bound to the matched route, not to the spelling of its URL', () => {
  const mobile = useMobileBff({ env: VERSION_RULES_ENV });
  const { core } = mobile;
  let accessToken: string;

  beforeAll(async () => {
    accessToken = (await mobile.signedInPhone()).accessToken ?? '';
  });

  const operations = documentedOperations('mobile-bff');
  const headersFor = (operation: DocumentedOperation, version: string, payload?: string) => ({
    authorization: `Bearer ${accessToken}`,
    'x-app-version': version,
    'idempotency-key': `k-${operation.method}-${operation.path}`,
    ...(payload ? { 'content-type': 'application/json' } : {}),
  });

  it('covers the whole document', () => {
    expect(operations.filter((o) => /^\/v\d+\//.test(o.path)).length).toBeGreaterThan(20);
  });

  it.each(operations.map((o) => [o.method, o.path, o] as const))(
    '%s %s from an app below the minimum version: no other spelling of its path (/%%761/…, //v1/…, /v1/./…, ;param) skips the 426, and core-api is never called',
    async (method, template, operation) => {
      const payload = operation.hasBody ? JSON.stringify(bodyFor(template)) : undefined;
      const headers = headersFor(operation, '1.0.0', payload);
      const path = concretePath(template);
      const query = queryOf(template);
      const canonical = await sendRaw(mobile.url, method, path + query, headers, payload);
      const versioned = /^\/v\d+\//.test(template);
      expect({ path, status: canonical.status }).toEqual({
        path,
        status: versioned ? 426 : canonical.status,
      });

      const wrong: unknown[] = [];
      for (const variant of pathSpellings(path)) {
        const res = await sendRaw(mobile.url, method, variant + query, headers, payload);
        const same = res.status === canonical.status && res.code === canonical.code;
        if (res.status !== 404 && !same)
          wrong.push({ variant, status: res.status, code: res.code });
      }
      expect(wrong).toEqual([]);
      if (versioned) expect(core.calls).toEqual([]);
    },
  );

  const screens = operations.filter((o) => o.method === 'GET' && /^\/v\d+\/screens\//.test(o.path));

  it.each(screens.map((o) => [o.path, o] as const))(
    'GET %s under any other spelling the route serves carries the same Deprecation, Sunset and ETag as the canonical path',
    async (template, operation) => {
      const headers = headersFor(operation, '3.0.0');
      const path = concretePath(template);
      const query = queryOf(template);
      const pick = (res: RawAnswer) => ({
        deprecation: res.headers['deprecation'],
        sunset: res.headers['sunset'],
        etag: res.headers['etag'] !== undefined,
      });
      const canonical = await sendRaw(mobile.url, 'GET', path + query, headers);
      const v1 = template.startsWith('/v1/');
      expect(pick(canonical)).toEqual({
        deprecation: v1 ? '@1793491200' : undefined,
        sunset: v1 ? 'Wed, 30 Jun 2027 00:00:00 GMT' : undefined,
        etag: canonical.status === 200,
      });
      const wrong: unknown[] = [];
      for (const variant of pathSpellings(path)) {
        const res = await sendRaw(mobile.url, 'GET', variant + query, headers);
        // Answered by the same route (an unknown path is a 404 of another code).
        const sameRoute = res.status === canonical.status && res.code === canonical.code;
        if (sameRoute && JSON.stringify(pick(res)) !== JSON.stringify(pick(canonical)))
          wrong.push({ variant, ...pick(res) });
      }
      expect(wrong).toEqual([]);
    },
  );
});
