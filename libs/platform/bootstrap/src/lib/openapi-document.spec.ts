import type { OpenAPIObject } from '@nestjs/swagger';
import { NotFoundProblem, PROBLEM_CONTENT_TYPE } from '@bff/platform-problem';
import { declareServer, declareTags } from './openapi-document';
import { declareProblemExamples } from './problem-examples';

const problem = () => ({ description: 'x', content: { [PROBLEM_CONTENT_TYPE]: { schema: {} } } });

function documentWith(paths: OpenAPIObject['paths']): OpenAPIObject {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths };
}

describe('document-level parts of a service document', () => {
  it('defines every tag the operations use, and refuses one the service does not describe', () => {
    const document = documentWith({
      '/a': { get: { tags: ['catalog'], responses: {} } },
      '/b': { post: { tags: ['orders', 'catalog'], responses: {} } },
    });
    const tags = { catalog: 'Products.', orders: 'Orders.', unused: 'Nothing.' };
    declareTags(document, { audience: 'public', tags });
    expect(document.tags).toEqual([
      { name: 'catalog', description: 'Products.' },
      { name: 'orders', description: 'Orders.' },
    ]);
    expect(() => declareTags(document, { audience: 'public', tags: { catalog: 'x' } })).toThrow(
      'OpenAPI tags used but not described: orders',
    );
  });

  it('names one relative server, internal or not', () => {
    const document = documentWith({});
    declareServer(document, { audience: 'internal', tags: {} });
    expect(document.servers).toEqual([expect.objectContaining({ url: '/', 'x-internal': true })]);
  });

  it('gives each error status, and each operation sharing a response, an example of its own', () => {
    const shared = problem();
    const document = documentWith({
      '/v1/products/{id}': { get: { responses: { '404': shared, '400': problem() } } },
      '/v2/products/{id}': { get: { responses: { '404': shared, '429': problem() } } },
    });
    declareProblemExamples(document, { 404: new NotFoundProblem('product', 99999) });
    const example = (path: string, status: string) =>
      (document.paths[path]?.get?.responses[status] as ReturnType<typeof problem>).content[
        PROBLEM_CONTENT_TYPE
      ] as { example?: Record<string, unknown> };
    expect(example('/v1/products/{id}', '404').example).toMatchObject({
      status: 404,
      code: 'product_not_found',
      detail: 'No product has id 99999.',
      instance: '/v1/products/1',
    });
    expect(example('/v2/products/{id}', '404').example).toMatchObject({
      instance: '/v2/products/1',
    });
    expect(example('/v1/products/{id}', '400').example).toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
    expect(example('/v2/products/{id}', '429').example).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: 42,
    });
  });
});
