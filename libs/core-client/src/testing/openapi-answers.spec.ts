import { OpenApiAnswers, OpenApiDocument, SeenAnswer } from './openapi-answers';

/** A one-operation document of `version` whose 200 body is `schema` (with a `Money` component). */
const documentOf = (version: string, schema: object): OpenApiDocument => ({
  openapi: version,
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema } } },
          404: { content: { 'application/problem+json': { schema: { type: 'object' } } } },
          204: {},
        },
      },
    },
    '/things/mine': { get: { responses: { 200: { content: { 'application/json': {} } } } } },
  },
  components: {
    schemas: {
      Money: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'] },
    },
  },
});
const answer = (body: unknown, status = 200, type = 'application/json'): SeenAnswer => ({
  method: 'GET',
  path: '/things/1',
  status,
  contentType: `${type}; charset=utf-8`,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const thing = {
  type: 'object',
  properties: {
    name: { type: 'string', nullable: true },
    size: { type: 'integer', minimum: 1, exclusiveMinimum: true },
    price: { allOf: [{ $ref: '#/components/schemas/Money' }], nullable: true },
    colour: { type: 'string', enum: ['red'], nullable: true },
    at: { type: 'string', format: 'date-time' },
  },
};

describe('OpenApiAnswers: an answer against a committed document', () => {
  it('reads OpenAPI 3.0 `nullable` as "or null", beside a type, an enum or a $ref', () => {
    const doc = new OpenApiAnswers(documentOf('3.0.3', thing));
    expect(doc.problemsWith(answer({ name: null, price: null, colour: null }))).toEqual([]);
    expect(doc.problemsWith(answer({ name: 'a', price: { amount: 1 }, colour: 'red' }))).toEqual(
      [],
    );
    expect(doc.problemsWith(answer({ price: { amount: 'x' } }))).not.toEqual([]);
    expect(doc.problemsWith(answer({ colour: 'blue' }))).toHaveLength(1);
    // 3.0's boolean exclusiveMinimum: 1 itself is out.
    expect(doc.problemsWith(answer({ size: 1 }))).toHaveLength(1);
    expect(doc.problemsWith(answer({ size: 2 }))).toEqual([]);
  });

  it('reads OpenAPI 3.1 schemas as JSON Schema 2020-12: null only where a type says so', () => {
    const schema = { type: 'object', properties: { name: { type: ['string', 'null'] } } };
    const doc = new OpenApiAnswers(documentOf('3.1.0', schema));
    expect(doc.problemsWith(answer({ name: null }))).toEqual([]);
    expect(doc.problemsWith(answer({ name: 5 }))).toHaveLength(1);
    // `nullable` is no keyword in 3.1 (null would fail the type): a document with it fails loudly.
    const nullable = { type: 'object', properties: { name: { type: 'string', nullable: true } } };
    const stale = new OpenApiAnswers(documentOf('3.1.0', nullable));
    expect(() => stale.problemsWith(answer({}))).toThrow(/nullable/);
  });

  it('checks formats: a date-time is RFC 3339', () => {
    const doc = new OpenApiAnswers(documentOf('3.0.3', thing));
    expect(doc.problemsWith(answer({ at: '2026-01-01T00:00:00.000Z' }))).toEqual([]);
    expect(doc.problemsWith(answer({ at: 'yesterday' }))).toEqual([
      '/at must match format "date-time" {"format":"date-time"}',
    ]);
  });

  it('names an undeclared operation, status or content type, and a body where none is declared', () => {
    const doc = new OpenApiAnswers(documentOf('3.1.0', { type: 'object' }));
    expect(doc.problemsWith({ ...answer({}), method: 'POST' })).toEqual([
      'no documented operation POST /things/1',
    ]);
    expect(doc.problemsWith(answer({}, 500))).toEqual(['500 is not declared for GET /things/{id}']);
    expect(doc.problemsWith(answer({}, 200, 'text/html'))).toEqual([
      '200 declares application/json, not "text/html"',
    ]);
    expect(doc.problemsWith(answer('', 204))).toEqual([]);
    expect(doc.problemsWith(answer('x', 204))).toHaveLength(1);
    expect(doc.problemsWith(answer('not json'))).toHaveLength(1);
  });

  it('matches a literal path before a template', () => {
    const doc = new OpenApiAnswers(documentOf('3.1.0', { type: 'object' }));
    expect(doc.templateOf('GET', '/things/mine')).toBe('/things/mine');
    expect(doc.templateOf('GET', '/things/7')).toBe('/things/{id}');
    expect(() => new OpenApiAnswers(documentOf('2.0', {}))).toThrow(/3\.0, 3\.1/);
  });
});
