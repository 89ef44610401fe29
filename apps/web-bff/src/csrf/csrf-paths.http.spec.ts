// Every operation of the committed OpenAPI document, under every other spelling of its path a
// router might accept: each spelling is either unknown (404) or guarded exactly like the
// canonical path. Sent over raw HTTP (node:http), because fetch() would normalise `/./` and `/../`.
import { concretePath } from '@bff/core-client/testing';
import {
  DocumentedOperation,
  documentedOperations,
  pathSpellings,
  sendRaw,
} from '@bff/bff-kit/testing';
import { openSession, useWebBff } from '../testing/web-test-app';

/** Whether the operation declares the X-CSRF header. */
const csrfDeclared = (operation: DocumentedOperation) =>
  operation.parameters.some((name) => name.toLowerCase() === 'x-csrf');

const BODIES: Record<string, unknown> = {
  'PUT /api/cart/items/{productId}': { quantity: 1 },
};

describe('web-bff CSRF guard is bound to the route, not to the spelling of its URL', () => {
  const web = useWebBff();
  const { core } = web;
  let cookie: string;

  beforeAll(async () => {
    cookie = await openSession(web.app);
  });

  const operations = documentedOperations('web-bff');

  it('covers the whole document, and X-CSRF is declared on every /api operation', () => {
    expect(operations.length).toBeGreaterThan(10);
    const api = operations.filter((o) => o.path.startsWith('/api/'));
    expect(api.filter((o) => !csrfDeclared(o))).toEqual([]);
  });

  it.each(operations.map((o) => [o.method, o.path, o] as const))(
    '%s %s without X-CSRF: no other spelling of its path (/%%61pi/…, //api/…, /api/./…, ;param) gets past the guard, and core-api is never called',
    async (method, template, operation) => {
      const payload = operation.hasBody
        ? JSON.stringify(BODIES[`${method} ${template}`] ?? {})
        : undefined;
      const headers: Record<string, string> = {
        cookie: `__Host-session=${cookie}`,
        'idempotency-key': `k-${method}-${template}`,
        ...(payload ? { 'content-type': 'application/json' } : {}),
      };
      const path = concretePath(template);
      const canonical = await sendRaw(web.url, method, path, headers, payload);
      // Declared in the document exactly where it is enforced.
      const refused = canonical.status === 403 && canonical.code === 'csrf_header_missing';
      expect({ path, refused }).toEqual({ path, refused: csrfDeclared(operation) });

      const wrong: unknown[] = [];
      for (const variant of pathSpellings(path)) {
        const res = await sendRaw(web.url, method, variant, headers, payload);
        const same = res.status === canonical.status && res.code === canonical.code;
        if (res.status !== 404 && !same)
          wrong.push({ variant, status: res.status, code: res.code });
        const setCookie = res.headers['set-cookie'] ?? [];
        if (refused && setCookie.length > 0) wrong.push({ variant, setCookie });
      }
      expect(wrong).toEqual([]);
      if (refused) expect(core.calls).toEqual([]);
    },
  );
});
