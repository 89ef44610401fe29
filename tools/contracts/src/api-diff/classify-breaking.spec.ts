import type { Change } from './change';
import { classify } from './classify';
import type { Node } from './document';
import { base, changed, create, list, paths, schemas } from '../testing/api-fixture';

// Each kind of breaking change, planted on the fixture (testing/api-fixture.ts) alone.
describe('classify: breaking changes', () => {
  it('finds nothing between a document and itself', () => {
    expect(classify(base(), base())).toEqual([]);
  });

  const breaking: [string, (doc: Node) => void, Partial<Change>][] = [
    [
      'a removed operation',
      (d) => delete paths(d)['/things/{id}'].get,
      {
        operation: 'Things_get GET /things/{id}',
        kind: 'operation-removed',
        message: 'operation removed',
      },
    ],
    [
      'a removed response field (through $ref, array items and allOf)',
      (d) => delete schemas(d).Named.properties.name,
      {
        operation: 'Things_list GET /things',
        kind: 'field-removed',
        message: '200 response (application/json): field `items[].name` removed',
      },
    ],
    [
      'a response field that may now be absent',
      (d) => (schemas(d).Thing.required = ['id', 'status']),
      {
        kind: 'field-optional',
        message: '200 response (application/json): field `items[].price` may now be absent',
      },
    ],
    [
      'a removed enum value in a response',
      (d) => (schemas(d).Thing.properties.status.enum = ['live']),
      {
        kind: 'enum-value-removed',
        message: '200 response (application/json): field `items[].status` value "draft" removed',
      },
    ],
    [
      'a changed response type',
      (d) => (schemas(d).Thing.properties.price.type = 'string'),
      {
        kind: 'type-changed',
        message:
          '200 response (application/json): field `items[].price` type changed: integer → string',
      },
    ],
    [
      'a response field that may now be null',
      (d) => (schemas(d).Thing.properties.price.type = ['integer', 'null']),
      {
        kind: 'nullable-changed',
        message: '200 response (application/json): field `items[].price` may now be null',
      },
    ],
    [
      'a removed response status',
      (d) => delete list(d).responses['400'],
      { kind: 'status-removed', message: 'response 400 removed' },
    ],
    [
      'a removed response header',
      (d) => delete list(d).responses['200'].headers.ETag,
      { kind: 'response-header-removed', message: '200 response header `ETag` removed' },
    ],
    [
      'a renamed query parameter',
      (d) => (list(d).parameters[1].name = 'pageSize'),
      {
        kind: 'parameter-removed',
        message: 'query parameter `limit` removed (the server now rejects it)',
      },
    ],
    [
      'a query parameter added as required',
      (d) =>
        list(d).parameters.push({
          name: 'q',
          in: 'query',
          required: true,
          schema: { type: 'string' },
        }),
      { kind: 'parameter-added', message: 'query parameter `q` added as required' },
    ],
    [
      'a query parameter newly required',
      (d) => (list(d).parameters[0].required = true),
      { kind: 'parameter-required', message: 'query parameter `sort` now required' },
    ],
    [
      'a header parameter added as required',
      (d) =>
        list(d).parameters.push({
          name: 'X-Tenant',
          in: 'header',
          required: true,
          schema: { type: 'string' },
        }),
      { kind: 'parameter-added', message: 'header parameter `X-Tenant` added as required' },
    ],
    [
      'a request field added as required',
      (d) => {
        schemas(d).NewThing.properties.size = { type: 'integer' };
        schemas(d).NewThing.required.push('size');
      },
      {
        operation: 'Things_create POST /things',
        kind: 'field-added',
        message: 'request body (application/json): field `size` added as required',
      },
    ],
    [
      'a request field newly required',
      (d) => schemas(d).NewThing.required.push('weight'),
      {
        kind: 'field-required',
        message: 'request body (application/json): field `weight` now required',
      },
    ],
    [
      'a removed request field (the server rejects unknown fields)',
      (d) => delete schemas(d).NewThing.properties.colour,
      {
        kind: 'field-removed',
        message:
          'request body (application/json): field `colour` removed (the server now rejects it)',
      },
    ],
    [
      'a request type narrowed from number to integer',
      (d) => (schemas(d).NewThing.properties.weight.type = 'integer'),
      {
        kind: 'type-changed',
        message: 'request body (application/json): field `weight` type narrowed: number → integer',
      },
    ],
    [
      'a request string gaining a format',
      (d) => (schemas(d).NewThing.properties.email.format = 'email'),
      { kind: 'format-changed', message: 'field `email` format none → email' },
    ],
    [
      'a request string gaining a pattern',
      (d) => (schemas(d).NewThing.properties.email.pattern = '^.+@.+$'),
      { kind: 'constraint-changed', message: 'field `email` narrowed: pattern none → ^.+@.+$' },
    ],
    [
      'a smaller maxLength on a request field',
      (d) => (schemas(d).NewThing.properties.name.maxLength = 40),
      { kind: 'constraint-changed', message: 'field `name` narrowed: maxLength 80 → 40' },
    ],
    [
      'a bigger minLength on a request field',
      (d) => (schemas(d).NewThing.properties.name.minLength = 3),
      { kind: 'constraint-changed', message: 'field `name` narrowed: minLength 1 → 3' },
    ],
    [
      'a lower maximum on a query parameter',
      (d) => (list(d).parameters[1].schema.maximum = 20),
      { kind: 'constraint-changed', message: 'query parameter `limit` narrowed: maximum 50 → 20' },
    ],
    [
      'a removed enum value in a request',
      (d) => (schemas(d).NewThing.properties.colour.enum = ['red']),
      { kind: 'enum-value-removed', message: 'field `colour` value "blue" removed' },
    ],
    [
      'a request field newly limited to an enum',
      (d) => (schemas(d).NewThing.properties.email.enum = ['a@b.c']),
      { kind: 'constraint-changed', message: 'field `email` now limited to ["a@b.c"]' },
    ],
    [
      'a security requirement added',
      (d) => (list(d).security = [{ bearer: [] }]),
      { kind: 'security-added', message: 'security requirement added: bearer (was none)' },
    ],
    [
      'a security requirement replaced',
      (d) => (create(d).security = [{ key: [] }]),
      { kind: 'security-added', message: 'security requirement added: key (was bearer)' },
    ],
    [
      'a request media type no longer accepted',
      (d) => (create(d).requestBody.content = { 'text/plain': { schema: { type: 'string' } } }),
      { kind: 'media-type-removed', message: 'request body application/json no longer accepted' },
    ],
  ];
  it.each(breaking)('flags %s as breaking', (_name, edit, expected) => {
    const found = classify(base(), changed(edit)).filter((c) => c.breaking);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ...expected,
          breaking: true,
          message: expect.stringContaining(expected.message!),
        }),
      ]),
    );
  });

  it('rejects a loop of references instead of hanging', () => {
    const looped = changed((d) => (schemas(d).Named = { $ref: '#/components/schemas/Named' }));
    expect(() => classify(base(), looped)).toThrow('circular reference #/components/schemas/Named');
  });
});
