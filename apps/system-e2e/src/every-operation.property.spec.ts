import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/processes';
import { anyValue, asText, resolver, Schema } from './support/schema-arbitrary';
import { Service, useThreeServices } from './support/three-services';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const documentOf = (service: Service): Document =>
  JSON.parse(readFileSync(join(ROOT, 'openapi', `${service}.json`), 'utf8')) as Document;

const operations = (['core-api', 'web-bff', 'mobile-bff'] as Service[]).flatMap((service) =>
  Object.entries(documentOf(service).paths).flatMap(([path, methods]) =>
    Object.keys(methods).map(
      (method) => [service, method.toUpperCase(), path] as [Service, string, string],
    ),
  ),
);

/**
 * Every operation of the three committed documents, called with values drawn from its own schema
 * (mostly valid, some not: wrong types, out of range, extra properties) and the credentials its
 * service takes: no answer is a 5xx, and every 4xx is problem+json. Bounded: 24 runs an operation.
 */
describe('every documented operation answers a 2xx/3xx or a problem+json 4xx, never a 5xx', () => {
  const started = useThreeServices();
  const { services, coreFetch } = started;

  it.each(operations)('%s %s %s', (...op) => check(...op));

  async function check(service: Service, method: string, template: string): Promise<void> {
    const document = documentOf(service);
    const operation = document.paths[template]?.[method.toLowerCase()] ?? {};
    const resolve = resolver(document);
    const parameters = operation.parameters ?? [];
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    const input = fc.record({
      params: fc.tuple(
        ...parameters.map((p) =>
          p.required || p.in === 'path'
            ? anyValue(p.schema, resolve)
            : fc.option(anyValue(p.schema, resolve), { nil: undefined }),
        ),
      ),
      body: bodySchema ? anyValue(bodySchema, resolve) : fc.constant(undefined),
    });

    await fc.assert(
      fc.asyncProperty(input, async ({ params, body }) => {
        let path = template;
        const query = new URLSearchParams();
        const headers: Record<string, string> = {};
        parameters.forEach((p, i) => {
          const value = params[i];
          if (value === undefined) return;
          if (p.in === 'path')
            path = path.replace(`{${p.name}}`, encodeURIComponent(asText(value)));
          else if (p.in === 'query') query.set(p.name, asText(value));
          // A header carries visible ASCII only: fetch() refuses anything else before sending.
          else if (p.in === 'header' && /^[\x20-\x7e]*$/.test(asText(value)))
            headers[p.name.toLowerCase()] = asText(value);
        });
        const url = `${path}${query.size ? `?${query}` : ''}`;
        const init = {
          method,
          headers:
            body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        };
        const res = await callAs(
          service,
          url,
          init,
          method === 'POST' && SIGN_OUTS.includes(template),
        );
        const text = await res.text();
        if (res.status >= 500)
          throw new Error(`${res.status} for ${method} ${url} ${init.body ?? ''}: ${text}`);
        if (
          res.status >= 400 &&
          !/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')
        ) {
          throw new Error(`${res.status} without problem+json for ${method} ${url}: ${text}`);
        }
      }),
      { numRuns: 24, seed: 20_261_129, endOnFailure: true },
    );
  }

  /** web-bff: the CSRF header always, the session unless signing out (which would end it). */
  const SIGN_OUTS = ['/bff/logout', '/bff/sign-out-everywhere'];
  const callAs = (
    service: Service,
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
    signOut: boolean,
  ) => {
    if (service === 'core-api') return coreFetch(url, { ...init, customerId: 1 });
    const auth: Record<string, string> =
      service === 'web-bff'
        ? { 'x-csrf': '1', ...(signOut ? {} : { cookie: started.webCookie }) }
        : { authorization: `Bearer ${started.mobileToken}` };
    // The BFF's own answer: a sign-in's redirect to the provider is not followed.
    return fetch(`${services[service].url}${url}`, {
      ...init,
      redirect: 'manual',
      headers: { ...auth, ...init.headers },
    });
  };
});
