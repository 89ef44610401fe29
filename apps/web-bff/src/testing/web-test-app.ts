// Spec helpers of web-bff: the real app (createApp + webApp, as main.ts builds it) on 127.0.0.1:0
// in front of a node:http stand-in for core-api that answers the storefront's calls and records
// every request it receives, headers included.
import {
  aProduct,
  aProductSummary,
  aRatingSummary,
  anInventory,
  aReviewPage,
  json,
  relatedProducts,
  StubCoreApi,
} from '@bff/core-client/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@bff/platform-bootstrap';
import { Clock } from '@bff/platform-state';
import { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApp } from '../app/web-app';
import { loadWebBffEnv } from '../config/env';

export const ADA = { id: 1, email: 'ada@example.com', displayName: 'Ada' };
export const ADA_PASSWORD = 'storefront-demo-ada';

export interface RecordedCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | void;

const money = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** core-api's answers for the storefront's calls; `override` runs first and may answer instead. */
export class FakeCoreApi {
  readonly stub = new StubCoreApi();
  readonly calls: RecordedCall[] = [];
  override?: Route;
  orders = 0;

  get url(): string {
    return this.stub.url;
  }

  async start(): Promise<this> {
    this.stub.handler = (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.calls.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body,
        });
        if (this.override?.(req, res, body)) return;
        this.answer(req, res, body);
      });
    };
    await this.stub.start();
    return this;
  }

  stop(): Promise<void> {
    return this.stub.stop();
  }

  reset(): void {
    this.calls.length = 0;
    this.stub.hits.length = 0;
    this.override = undefined;
  }

  private answer(req: IncomingMessage, res: ServerResponse, body: string): void {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const method = req.method ?? 'GET';
    if (method === 'POST' && path === '/auth/verify') {
      const { email, password } = JSON.parse(body || '{}') as { email?: string; password?: string };
      if (email === ADA.email && password === ADA_PASSWORD)
        return json(res, 200, { customer: ADA });
      return json(res, 401, {
        status: 401,
        code: 'invalid_credentials',
        detail: 'The e-mail address or the password is wrong.',
      });
    }
    if (path === '/categories')
      return json(res, 200, {
        items: [{ id: 1, slug: 'kitchen', name: 'Kitchen', productCount: 3 }],
      });
    if (path === '/categories/kitchen/facets') {
      return json(res, 200, {
        id: 1,
        slug: 'kitchen',
        name: 'Kitchen',
        productCount: 3,
        brands: [
          { brand: 'Fjord', count: 2 },
          { brand: 'Vela', count: 1 },
        ],
        priceRange: { min: money(999), max: money(5099) },
      });
    }
    if (path === '/products') {
      return json(res, 200, {
        items: [aProductSummary(2), aProductSummary(3)],
        nextCursor: null,
        missing: [],
      });
    }
    let m = /^\/products\/(\d+)$/.exec(path);
    if (m) return json(res, 200, aProduct({ id: Number(m[1]) }));
    if (/^\/products\/\d+\/reviews$/.test(path)) return json(res, 200, aReviewPage());
    if (/^\/products\/\d+\/reviews\/summary$/.test(path))
      return json(res, 200, aRatingSummary({ '5': 2 }));
    if (/^\/products\/\d+\/related$/.test(path)) return json(res, 200, relatedProducts(4, 5));
    if (/^\/inventory\/\d+$/.test(path)) return json(res, 200, anInventory());
    if (path === '/carts/me' || /^\/carts\/me\/items\/\d+$/.test(path)) {
      return json(res, 200, {
        id: 1,
        items: [
          {
            productId: 2,
            name: 'Product 2',
            unitPrice: money(1002),
            quantity: 1,
            lineTotal: money(1002),
            available: 4,
          },
        ],
        itemCount: 1,
        subtotal: money(1002),
      });
    }
    m = /^\/orders(?:\/(\d+))?$/.exec(path);
    if (m) {
      const order = {
        id: m[1] ? Number(m[1]) : ++this.orders,
        status: 'placed',
        shipping: 'standard',
        lines: [
          {
            productId: 2,
            name: 'Product 2',
            unitPrice: money(1002),
            quantity: 1,
            lineTotal: money(1002),
          },
        ],
        subtotal: money(1002),
        shippingCost: money(495),
        total: money(1497),
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      if (method === 'POST') return json(res, 201, order);
      return json(res, 200, m[1] ? order : { items: [order], nextCursor: null });
    }
    json(res, 404, { status: 404, code: 'not_found' });
  }
}

export interface WebTestApp {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/** The real web-bff against `coreUrl`, with test-friendly limits unless `env` says otherwise. */
export async function startWebBff(
  coreUrl: string,
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<WebTestApp> {
  const config = loadWebBffEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CORE_API_URL: coreUrl,
    CORE_API_CACHE: 'off',
    CORE_API_RETRIES: '0',
    SERVICE_KEYS_DIR: mkdtempSync(join(tmpdir(), 'web-bff-spec-keys-')),
    RATE_LIMIT_MAX: '100000',
    AUTH_RATE_LIMIT_MAX: '100000',
    ...env,
  });
  const app = await createApp(webApp(config, { clock }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, app, close: () => app.close() };
}

/** A browser-like client of web-bff: keeps the session cookie and sends the CSRF header. */
export class Browser {
  cookie?: string;

  constructor(private readonly base: string) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const { json: payload, headers, ...rest } = init;
    const res = await fetch(`${this.base}${path}`, {
      ...rest,
      redirect: 'manual',
      body: payload === undefined ? rest.body : JSON.stringify(payload),
      headers: {
        'x-csrf': '1',
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: `__Host-session=${this.cookie}` } : {}),
        ...(headers as Record<string, string> | undefined),
      },
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('__Host-session='));
    if (set) {
      const value = /^__Host-session=([^;]*)/.exec(set)?.[1] ?? '';
      this.cookie = value && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(set) ? value : undefined;
    }
    return res;
  }

  signIn(email = ADA.email, password = ADA_PASSWORD): Promise<Response> {
    return this.fetch('/api/session', { method: 'POST', json: { email, password } });
  }
}

/** The JSON body of an answer, untyped: specs assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const body = async (res: Response): Promise<any> => res.json();
