// Every operation of the committed OpenAPI document, under every other spelling of its path a
// router might accept: each spelling is either unknown (404) or guarded exactly like the
// canonical path. Sent over raw HTTP (node:http), because fetch() would normalise `/./` and `/../`.
import { FakeCoreApi } from '@bff/core-client/testing';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Browser, startWebBff, WebTestApp } from '../testing/web-test-app';

interface Operation {
  method: string;
  path: string;
  csrfDeclared: boolean;
  hasBody: boolean;
}

const DOCUMENT = join(__dirname, '..', '..', '..', '..', 'openapi', 'web-bff.json');

function operationsOf(file: string): Operation[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<
      string,
      Record<string, { parameters?: { name: string }[]; requestBody?: object }>
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      csrfDeclared: (op.parameters ?? []).some((p) => p.name.toLowerCase() === 'x-csrf'),
      hasBody: op.requestBody !== undefined,
    })),
  );
}

/** A concrete URL of a path template: ids are existing products, slugs the fake's category. */
const concrete = (template: string) =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'slug' ? 'kitchen' : '2'));

/** Other spellings of `path` that a lenient router or proxy might take for the same route. */
function pathVariants(path: string): string[] {
  const first = path.split('/')[1] ?? '';
  const rest = path.slice(first.length + 1);
  const encoded = `%${first.charCodeAt(0).toString(16)}${first.slice(1)}`;
  return [
    `/${encoded}${rest}`,
    `/${first.toUpperCase()}${rest}`,
    `/${first[0]?.toUpperCase()}${first.slice(1)}${rest}`,
    `/${path}`,
    `/${first}/.${rest}`,
    `/${first}/x/..${rest}`,
    `${path}/`,
    `${path};param`,
    `${path};jsessionid=1`,
  ];
}

/** Whatever the answer, sent exactly as written: no URL normalisation on the way. */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload?: string,
): Promise<{ status: number; code?: string; setCookie: string[] }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let code: string | undefined;
        if (/json/.test(res.headers['content-type'] ?? '')) {
          code = (JSON.parse(text || '{}') as { code?: string }).code;
        }
        resolve({ status: res.statusCode ?? 0, code, setCookie: res.headers['set-cookie'] ?? [] });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const BODIES: Record<string, unknown> = {
  'POST /api/session': { email: 'ada@example.com', password: 'storefront-demo-ada' },
  'PUT /api/cart/items/{productId}': { quantity: 1 },
};

/** Per hook and test: the machine may be busy (an order of magnitude above what it needs). */
const SLOW_MACHINE_MS = 60_000;

describe('web-bff CSRF guard is bound to the route, not to the spelling of its URL', () => {
  const core = new FakeCoreApi();
  let web: WebTestApp;
  let cookie: string;

  beforeAll(async () => {
    await core.start();
    web = await startWebBff(core.url);
    const browser = new Browser(web.url);
    await browser.signIn();
    cookie = browser.cookie ?? '';
  }, SLOW_MACHINE_MS);
  afterAll(async () => {
    await web?.close();
    await core.stop();
  }, SLOW_MACHINE_MS);
  beforeEach(() => core.reset());

  const operations = operationsOf(DOCUMENT);

  it('covers the whole document, and X-CSRF is declared on every /api operation', () => {
    expect(operations.length).toBeGreaterThan(10);
    const api = operations.filter((o) => o.path.startsWith('/api/'));
    expect(api.filter((o) => !o.csrfDeclared)).toEqual([]);
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
      const path = concrete(template);
      const canonical = await send(web.url, method, path, headers, payload);
      // Declared in the document exactly where it is enforced.
      const refused = canonical.status === 403 && canonical.code === 'csrf_header_missing';
      expect({ path, refused }).toEqual({ path, refused: operation.csrfDeclared });

      const wrong: unknown[] = [];
      for (const variant of pathVariants(path)) {
        const res = await send(web.url, method, variant, headers, payload);
        const same = res.status === canonical.status && res.code === canonical.code;
        if (res.status !== 404 && !same) wrong.push({ variant, ...res });
        if (refused && res.setCookie.length > 0) wrong.push({ variant, setCookie: res.setCookie });
      }
      expect(wrong).toEqual([]);
      if (refused) expect(core.calls).toEqual([]);
    },
    SLOW_MACHINE_MS,
  );
});
