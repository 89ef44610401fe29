import type { LiveContext } from '../live-context';
import type { LiveRequest } from '../live-exchange';
import type { Service } from '../three-services';

/** What an operation of the document is: method, template and the parts the loops read. */
interface OperationFacts {
  method: string;
  template: string;
  statuses: string[];
  secured: boolean;
  hasBody: boolean;
  bodyType?: string;
}

/** The members of an operation object these loops read. */
interface OperationShape {
  responses: Record<string, unknown>;
  security?: Array<Record<string, unknown>>;
  requestBody?: { content: Record<string, unknown> };
}

const SERVICES: Service[] = ['core-api', 'web-bff', 'mobile-bff'];
const OPERATIONAL = /^(GET|POST) \/(health|metrics)(\/|$)/;

export function operationFacts(
  ctx: LiveContext,
  service: Service,
  operation: string,
): OperationFacts {
  const [method, template] = operation.split(' ') as [string, string];
  const doc = ctx.live.documents[service].document as unknown as {
    paths: Record<string, Record<string, OperationShape>>;
    security?: Array<Record<string, unknown>>;
  };
  const op = doc.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`${operation} is not in the ${service} document`);
  const security = op.security ?? doc.security ?? [];
  return {
    method,
    template,
    statuses: Object.keys(op.responses),
    secured: security.length > 0 && security.every((s) => Object.keys(s).length > 0),
    hasBody: !!op.requestBody,
    bodyType: op.requestBody ? Object.keys(op.requestBody.content)[0] : undefined,
  };
}

/**
 * The operations of `service` that succeeded once, with the request that did it. A web-bff
 * session a sign-out ended is replaced by the suite's own, which these requests never end (each
 * is refused before the handler runs).
 */
const succeeded = (ctx: LiveContext, service: Service): Array<[string, LiveRequest]> =>
  [...ctx.live.ledgers[service].successes.entries()]
    .filter(([op]) => !OPERATIONAL.test(op))
    .map(([op, req]) => [
      op,
      service === 'web-bff' && req.headers?.['cookie']?.startsWith('__Host-session=')
        ? withHeaders(req, { cookie: ctx.started.webCookie })
        : req,
    ]);

const withQuery = (req: LiveRequest, pair: string): LiveRequest => ({
  ...req,
  path: `${req.path}${req.path.includes('?') ? '&' : '?'}${pair}`,
});
const without = (req: LiveRequest, ...names: string[]): LiveRequest => ({
  ...req,
  headers: Object.fromEntries(
    Object.entries(req.headers ?? {}).filter(([n]) => !names.includes(n.toLowerCase())),
  ),
});
const withHeaders = (req: LiveRequest, headers: Record<string, string>): LiveRequest => ({
  ...without(req, ...Object.keys(headers)),
  headers: { ...without(req, ...Object.keys(headers)).headers, ...headers },
});

/** The request's path with the `index`-th parameter of `template` replaced by `value`. */
function withParameter(req: LiveRequest, template: string, value: string): LiveRequest {
  const path = (req.path.split('?')[0] ?? '').split('/');
  const at = template.split('/').findIndex((segment) => segment.startsWith('{'));
  path[at] = value;
  return { ...req, path: path.join('/') };
}

/**
 * The answers every operation gives by the same rule, driven from the document: an unknown query
 * parameter (400), no credentials (401), an over-long path parameter (414), a body that is not
 * the declared type (415) or over the limit (413), an app below the minimum version (426), a
 * copy that is current (304) and too many requests (429). Each replays a request that succeeded.
 */
export function genericCases(ctx: LiveContext, rateLimit: number): void {
  const call = (service: Service, req: LiveRequest, expected?: number | number[]) =>
    ctx.live.call(service, req, expected);

  it.each(SERVICES)('%s: an unknown query parameter is 400', async (service) => {
    for (const [operation, req] of succeeded(ctx, service)) {
      const facts = operationFacts(ctx, service, operation);
      if (!facts.statuses.includes('400')) continue;
      await call(service, withQuery(req, 'zzz=1'), 400);
    }
  });

  it.each(SERVICES)('%s: a secured operation without credentials is 401', async (service) => {
    for (const [operation, req] of succeeded(ctx, service)) {
      if (!operationFacts(ctx, service, operation).secured) continue;
      await call(service, without(req, 'authorization', 'cookie'), 401);
    }
  });

  it.each(SERVICES)('%s: a 201-character path parameter is 414', async (service) => {
    for (const [operation, req] of succeeded(ctx, service)) {
      const { template } = operationFacts(ctx, service, operation);
      if (template.includes('{'))
        await call(service, withParameter(req, template, '1'.repeat(201)), 414);
    }
  });

  it.each(SERVICES)(
    '%s: a body of another type is 415, one over 100 KiB is 413',
    async (service) => {
      for (const [operation, req] of succeeded(ctx, service)) {
        const { hasBody, bodyType } = operationFacts(ctx, service, operation);
        if (!hasBody) continue;
        const form = bodyType === 'application/x-www-form-urlencoded';
        const other = form
          ? { 'content-type': 'application/json', body: '{"logout_token":"x"}' }
          : { 'content-type': 'text/plain', body: '{"quantity":1}' };
        await call(
          service,
          { ...withHeaders(req, { 'content-type': other['content-type'] }), body: other.body },
          415,
        );
        const big = form
          ? `logout_token=${'a'.repeat(110_000)}`
          : JSON.stringify({ shipping: 'standard', quantity: 1, pad: 'a'.repeat(110_000) });
        await call(
          service,
          {
            ...withHeaders(req, { 'content-type': bodyType ?? 'application/json' }),
            body: big,
          },
          413,
        );
      }
    },
  );

  it('mobile-bff: every versioned operation asks an app below the minimum to update (426)', async () => {
    for (const [operation, req] of succeeded(ctx, 'mobile-bff')) {
      if (!/^\w+ \/v\d+\//.test(operation)) continue;
      await call('mobile-bff', withHeaders(req, { 'x-app-version': '1.0.0' }), 426);
    }
  });

  it.each(SERVICES)(
    '%s: a current copy (If-None-Match) is 304 wherever 304 is declared',
    async (service) => {
      let revalidated = 0;
      for (const [operation, req] of succeeded(ctx, service)) {
        if (!operationFacts(ctx, service, operation).statuses.includes('304')) continue;
        const first = await call(service, req, 200);
        const etag = first.headers.find(([n]) => n.toLowerCase() === 'etag')?.[1];
        if (!etag) throw new Error(`${operation} declares 304 but its 200 has no ETag`);
        await call(service, withHeaders(req, { 'if-none-match': etag }), 304);
        revalidated += 1;
      }
      if (service === 'mobile-bff') expect(revalidated).toBeGreaterThan(10);
    },
  );

  it.each(['web-bff', 'mobile-bff'] as Service[])(
    '%s: a client over the rate limit gets 429 on every limited operation',
    async (service) => {
      for (const [operation, req] of succeeded(ctx, service)) {
        if (!operationFacts(ctx, service, operation).statuses.includes('429')) continue;
        // Another client (127.0.0.2), so the suite's own requests are not refused afterwards;
        // an invalid query keeps each request cheap (the guard counts it before validation).
        const other = { ...withQuery(req, 'zzz=1'), from: '127.0.0.2' };
        let limited = false;
        for (let i = 0; i <= rateLimit && !limited; i++)
          limited = (await call(service, other)).status === 429;
        if (!limited) throw new Error(`${operation}: no 429 after ${rateLimit + 1} requests`);
      }
    },
  );
}
