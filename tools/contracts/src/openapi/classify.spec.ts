import type { Change } from './change';
import { classify } from './classify';
import type { Node, OpenApiDocument } from './document';

/**
 * A small API with one of everything the classifier reads: a list operation with query and
 * header parameters, a create operation with a body, a path parameter, `$ref`s, `allOf`, arrays,
 * enums, a nullable field, a recursive schema, response headers and security.
 */
function base(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'fixture', version: '1' },
    paths: {
      '/things': {
        get: {
          operationId: 'Things_list',
          parameters: [
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['new', 'old'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50 } },
            { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A page',
              headers: { ETag: { schema: { type: 'string' } } },
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } },
                    required: ['items'],
                  },
                },
              },
            },
            '400': { description: 'Bad request' },
          },
        },
        post: {
          operationId: 'Things_create',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
          },
          responses: { '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
        },
      },
      '/things/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        get: {
          operationId: 'Things_get',
          responses: { '200': { description: 'One', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'K' } },
      schemas: {
        Named: { type: 'object', properties: { name: { type: 'string', maxLength: 80 } }, required: ['name'] },
        Thing: {
          allOf: [{ $ref: '#/components/schemas/Named' }],
          type: 'object',
          properties: {
            id: { type: 'integer' },
            status: { type: 'string', enum: ['draft', 'live'] },
            note: { type: ['string', 'null'] },
            price: { type: 'integer' },
            children: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
          },
          required: ['id', 'status', 'price'],
        },
        NewThing: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 80 },
            weight: { type: 'number', maximum: 1000 },
            colour: { type: 'string', enum: ['red', 'blue'] },
            email: { type: 'string' },
          },
          required: ['name'],
        },
      },
    },
  };
}

/** `base()` changed by `edit`. */
const changed = (edit: (doc: Node) => void): OpenApiDocument => {
  const doc = base();
  edit(doc);
  return doc;
};
const paths = (doc: Node): Node => doc['paths'];
const schemas = (doc: Node): Node => doc['components']['schemas'];
const list = (doc: Node): Node => paths(doc)['/things'].get;
const create = (doc: Node): Node => paths(doc)['/things'].post;

const only = (changes: Change[]): Change => {
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

describe('classify', () => {
  it('finds nothing between a document and itself', () => {
    expect(classify(base(), base())).toEqual([]);
  });

  const breaking: [string, (doc: Node) => void, Partial<Change>][] = [
    ['a removed operation', (d) => delete paths(d)['/things/{id}'].get, { operation: 'Things_get GET /things/{id}', kind: 'operation-removed', message: 'operation removed' }],
    ['a removed response field (through $ref, array items and allOf)', (d) => delete schemas(d).Named.properties.name, { operation: 'Things_list GET /things', kind: 'field-removed', message: '200 response (application/json): field `items[].name` removed' }],
    ['a response field that may now be absent', (d) => (schemas(d).Thing.required = ['id', 'status']), { kind: 'field-optional', message: '200 response (application/json): field `items[].price` may now be absent' }],
    ['a removed enum value in a response', (d) => (schemas(d).Thing.properties.status.enum = ['live']), { kind: 'enum-value-removed', message: '200 response (application/json): field `items[].status` value "draft" removed' }],
    ['a changed response type', (d) => (schemas(d).Thing.properties.price.type = 'string'), { kind: 'type-changed', message: '200 response (application/json): field `items[].price` type changed: integer → string' }],
    ['a response field that may now be null', (d) => (schemas(d).Thing.properties.price.type = ['integer', 'null']), { kind: 'nullable-changed', message: '200 response (application/json): field `items[].price` may now be null' }],
    ['a removed response status', (d) => delete list(d).responses['400'], { kind: 'status-removed', message: 'response 400 removed' }],
    ['a removed response header', (d) => delete list(d).responses['200'].headers.ETag, { kind: 'response-header-removed', message: '200 response header `ETag` removed' }],
    ['a renamed query parameter', (d) => (list(d).parameters[1].name = 'pageSize'), { kind: 'parameter-removed', message: 'query parameter `limit` removed (the server now rejects it)' }],
    ['a query parameter added as required', (d) => list(d).parameters.push({ name: 'q', in: 'query', required: true, schema: { type: 'string' } }), { kind: 'parameter-added', message: 'query parameter `q` added as required' }],
    ['a query parameter newly required', (d) => (list(d).parameters[0].required = true), { kind: 'parameter-required', message: 'query parameter `sort` now required' }],
    ['a header parameter added as required', (d) => list(d).parameters.push({ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } }), { kind: 'parameter-added', message: 'header parameter `X-Tenant` added as required' }],
    ['a request field added as required', (d) => { schemas(d).NewThing.properties.size = { type: 'integer' }; schemas(d).NewThing.required.push('size'); }, { operation: 'Things_create POST /things', kind: 'field-added', message: 'request body (application/json): field `size` added as required' }],
    ['a request field newly required', (d) => schemas(d).NewThing.required.push('weight'), { kind: 'field-required', message: 'request body (application/json): field `weight` now required' }],
    ['a removed request field (the server rejects unknown fields)', (d) => delete schemas(d).NewThing.properties.colour, { kind: 'field-removed', message: 'request body (application/json): field `colour` removed (the server now rejects it)' }],
    ['a request type narrowed from number to integer', (d) => (schemas(d).NewThing.properties.weight.type = 'integer'), { kind: 'type-changed', message: 'request body (application/json): field `weight` type narrowed: number → integer' }],
    ['a request string gaining a format', (d) => (schemas(d).NewThing.properties.email.format = 'email'), { kind: 'format-changed', message: 'field `email` format none → email' }],
    ['a request string gaining a pattern', (d) => (schemas(d).NewThing.properties.email.pattern = '^.+@.+$'), { kind: 'constraint-changed', message: 'field `email` narrowed: pattern none → ^.+@.+$' }],
    ['a smaller maxLength on a request field', (d) => (schemas(d).NewThing.properties.name.maxLength = 40), { kind: 'constraint-changed', message: 'field `name` narrowed: maxLength 80 → 40' }],
    ['a bigger minLength on a request field', (d) => (schemas(d).NewThing.properties.name.minLength = 3), { kind: 'constraint-changed', message: 'field `name` narrowed: minLength 1 → 3' }],
    ['a lower maximum on a query parameter', (d) => (list(d).parameters[1].schema.maximum = 20), { kind: 'constraint-changed', message: 'query parameter `limit` narrowed: maximum 50 → 20' }],
    ['a removed enum value in a request', (d) => (schemas(d).NewThing.properties.colour.enum = ['red']), { kind: 'enum-value-removed', message: 'field `colour` value "blue" removed' }],
    ['a request field newly limited to an enum', (d) => (schemas(d).NewThing.properties.email.enum = ['a@b.c']), { kind: 'constraint-changed', message: 'field `email` now limited to ["a@b.c"]' }],
    ['a security requirement added', (d) => (list(d).security = [{ bearer: [] }]), { kind: 'security-added', message: 'security requirement added: bearer (was none)' }],
    ['a security requirement replaced', (d) => (create(d).security = [{ key: [] }]), { kind: 'security-added', message: 'security requirement added: key (was bearer)' }],
    ['a request media type no longer accepted', (d) => (create(d).requestBody.content = { 'text/plain': { schema: { type: 'string' } } }), { kind: 'media-type-removed', message: 'request body application/json no longer accepted' }],
  ];
  it.each(breaking)('flags %s as breaking', (_name, edit, expected) => {
    const found = classify(base(), changed(edit)).filter((c) => c.breaking);
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ ...expected, breaking: true, message: expect.stringContaining(expected.message!) })]));
  });

  const compatible: [string, (doc: Node) => void, Partial<Change>][] = [
    ['an added operation', (d) => (paths(d)['/things/{id}'].delete = { operationId: 'Things_delete', responses: { '204': { description: 'Gone' } } }), { operation: 'Things_delete DELETE /things/{id}', kind: 'operation-added' }],
    ['an optional query parameter', (d) => list(d).parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } }), { kind: 'parameter-added', message: 'query parameter `q` added' }],
    ['an optional request field', (d) => (schemas(d).NewThing.properties.size = { type: 'integer' }), { operation: 'Things_create POST /things', kind: 'field-added', message: 'request body (application/json): field `size` added' }],
    ['a new response status', (d) => (list(d).responses['429'] = { description: 'Slow down' }), { kind: 'status-added', message: 'response 429 added' }],
    ['a new response header', (d) => (list(d).responses['200'].headers['Cache-Control'] = { schema: { type: 'string' } }), { kind: 'response-header-added' }],
    ['a request type widened from integer to number', (d) => (list(d).parameters[1].schema.type = 'number'), { kind: 'type-changed', message: 'type widened: integer → number' }],
    ['a bigger maxLength on a request field', (d) => (schemas(d).NewThing.properties.name.maxLength = 120), { kind: 'constraint-changed', message: 'widened: maxLength 80 → 120' }],
    ['a request field that may be left out', (d) => (schemas(d).NewThing.required = []), { kind: 'field-optional', message: 'field `name` now optional' }],
    ['a security requirement dropped', (d) => delete create(d).security, { kind: 'security-removed' }],
    ['a deprecation', (d) => (list(d).deprecated = true), { kind: 'operation-deprecated' }],
    ['a renamed path parameter', (d) => { const item = paths(d)['/things/{id}']; delete paths(d)['/things/{id}']; item.parameters[0].name = 'thingId'; paths(d)['/things/{thingId}'] = item; }, { kind: 'parameter-renamed' }],
  ];
  it.each(compatible)('lets %s through', (_name, edit, expected) => {
    const c = only(classify(base(), changed(edit)));
    expect(c).toMatchObject({
      ...expected,
      breaking: false,
      ...(expected.message && { message: expect.stringContaining(expected.message) }),
    });
  });

  it('reports a new response field and a new response enum value as compatible', () => {
    const changes = classify(
      base(),
      changed((d) => {
        schemas(d).Thing.properties.colour = { type: 'string' };
        schemas(d).Thing.properties.status.enum.push('archived');
      }),
    );
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.breaking)).toEqual([]);
    expect(changes.map((c) => c.message)).toEqual(
      expect.arrayContaining([
        '200 response (application/json): field `items[].colour` added',
        '200 response (application/json): field `items[].status` value "archived" added',
      ]),
    );
  });

  it('walks a recursive schema once and still sees a change inside it', () => {
    const changes = classify(base(), changed((d) => delete schemas(d).Thing.properties.id));
    expect(changes.map((c) => c.message)).toEqual(
      expect.arrayContaining(['200 response (application/json): field `id` removed', '200 response (application/json): field `children[].id` removed']),
    );
  });

  it('sees a removed field inside one alternative of a oneOf', () => {
    const withVariants = (remove: boolean) =>
      changed((d) => {
        const a = { type: 'object', properties: { kind: { type: 'string' }, size: { type: 'integer' } } };
        if (remove) delete a.properties.size;
        paths(d)['/things/{id}'].get.responses['200'].content['application/json'].schema = { oneOf: [a, { type: 'object', properties: { url: { type: 'string' } } }] };
      });
    expect(classify(withVariants(false), withVariants(true))).toEqual([
      expect.objectContaining({ breaking: true, kind: 'field-removed', message: '200 response (application/json): field `<1>.size` removed' }),
    ]);
  });

  it('rejects a loop of references instead of hanging', () => {
    const looped = changed((d) => (schemas(d).Named = { $ref: '#/components/schemas/Named' }));
    expect(() => classify(base(), looped)).toThrow('circular reference #/components/schemas/Named');
  });
});
