import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Operation {
  /** e.g. `GET /products/{id}` */
  name: string;
  method: string;
  /** The path with every path parameter set to 1, plus any required query parameters. */
  path: string;
  pathParameters: string[];
  body?: unknown;
  headers: Record<string, string>;
}

/** A valid request body per operation that takes one. */
const BODIES: Record<string, unknown> = {
  'POST /customers/link': {
    subject: '6f1c2a4e-5b7d-4c19-9a0e-0d3f7b8e2a11',
    email: 'ada@example.com',
    displayName: 'Ada',
    emailVerified: true,
  },
  'PUT /carts/me/items/{productId}': { quantity: 1 },
  'POST /orders': {},
};

/**
 * Every protected core-api operation, read from the committed OpenAPI document (which the e2e
 * suite proves equal to what the app serves), with a request that would be valid apart from
 * whatever a test breaks on purpose.
 */
export function protectedOperations(): Operation[] {
  const doc = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'openapi', 'core-api.json'), 'utf8'),
  ) as {
    paths: Record<
      string,
      Record<
        string,
        { security?: unknown[]; parameters?: { name: string; in: string; required?: boolean }[] }
      >
    >;
  };
  // Protected = declares a security requirement (health and /metrics are public by design).
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => (op.security ?? []).length > 0)
      .map(([method, op]): Operation => {
        const name = `${method.toUpperCase()} ${template}`;
        const parameters = op.parameters ?? [];
        const query = parameters
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${p.name}=1`);
        return {
          name,
          method: method.toUpperCase(),
          path: template.replace(/\{[^}]+\}/g, '1') + (query.length ? `?${query.join('&')}` : ''),
          pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          body: BODIES[name],
          headers: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')
            ? { 'idempotency-key': `contract-${method}${template}` } // visible ASCII, no space
            : ({} as Record<string, string>),
        };
      }),
  );
}
