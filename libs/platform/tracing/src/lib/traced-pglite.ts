import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('@bff/platform-tracing/pglite');

interface QueryClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client whose first argument is SQL text
  query: (...args: any[]) => Promise<unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  exec: (...args: any[]) => Promise<unknown>;
}

/**
 * Embedded PGlite has no instrumentation (the `pg` driver does), so wrap its `query` and `exec`
 * in client spans named like the pg instrumentation's, with the statement's first 500 characters.
 * A no-op cost when no tracer provider is registered.
 */
export function tracePglite<T extends QueryClient>(client: T): T {
  for (const method of ['query', 'exec'] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const statement = typeof args[0] === 'string' ? args[0] : '';
      return tracer.startActiveSpan(
        `pglite.${method}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': 'postgresql',
            'db.system': 'postgresql',
            'db.query.text': statement.slice(0, 500),
          },
        },
        async (span) => {
          try {
            return await original(...args);
          } catch (error) {
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message: error instanceof Error ? error.message.slice(0, 200) : 'error',
            });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    };
  }
  return client;
}
