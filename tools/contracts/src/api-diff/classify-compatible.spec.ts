import type { Change } from './change';
import { classify } from './classify';
import type { Node } from './document';
import { base, changed, create, list, paths, schemas } from '../testing/api-fixture';

const only = (changes: Change[]): Change => {
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

// Each kind of compatible change, and the walks through $ref, recursion and oneOf.
describe('classify: compatible changes', () => {
  const compatible: [string, (doc: Node) => void, Partial<Change>][] = [
    [
      'an added operation',
      (d) =>
        (paths(d)['/things/{id}'].delete = {
          operationId: 'Things_delete',
          responses: { '204': { description: 'Gone' } },
        }),
      { operation: 'Things_delete DELETE /things/{id}', kind: 'operation-added' },
    ],
    [
      'an optional query parameter',
      (d) => list(d).parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } }),
      { kind: 'parameter-added', message: 'query parameter `q` added' },
    ],
    [
      'an optional request field',
      (d) => (schemas(d).NewThing.properties.size = { type: 'integer' }),
      {
        operation: 'Things_create POST /things',
        kind: 'field-added',
        message: 'request body (application/json): field `size` added',
      },
    ],
    [
      'a new response status',
      (d) => (list(d).responses['429'] = { description: 'Slow down' }),
      { kind: 'status-added', message: 'response 429 added' },
    ],
    [
      'a new response header',
      (d) => (list(d).responses['200'].headers['Cache-Control'] = { schema: { type: 'string' } }),
      { kind: 'response-header-added' },
    ],
    [
      'a request type widened from integer to number',
      (d) => (list(d).parameters[1].schema.type = 'number'),
      { kind: 'type-changed', message: 'type widened: integer → number' },
    ],
    [
      'a bigger maxLength on a request field',
      (d) => (schemas(d).NewThing.properties.name.maxLength = 120),
      { kind: 'constraint-changed', message: 'widened: maxLength 80 → 120' },
    ],
    [
      'a request field that may be left out',
      (d) => (schemas(d).NewThing.required = []),
      { kind: 'field-optional', message: 'field `name` now optional' },
    ],
    [
      'a security requirement dropped',
      (d) => delete create(d).security,
      { kind: 'security-removed' },
    ],
    ['a deprecation', (d) => (list(d).deprecated = true), { kind: 'operation-deprecated' }],
    [
      'a renamed path parameter',
      (d) => {
        const item = paths(d)['/things/{id}'];
        delete paths(d)['/things/{id}'];
        item.parameters[0].name = 'thingId';
        paths(d)['/things/{thingId}'] = item;
      },
      { kind: 'parameter-renamed' },
    ],
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

  it('walks a recursive schema down to where it repeats, and sees a change there', () => {
    const changes = classify(
      base(),
      changed((d) => delete schemas(d).Thing.properties.id),
    );
    // Things_list reaches Thing through items[], the other two at the top: each once, not again
    // through `children`.
    expect(changes.map((c) => `${c.operation}: ${c.message}`).sort()).toEqual([
      'Things_create POST /things: 201 response (application/json): field `id` removed',
      'Things_get GET /things/{id}: 200 response (application/json): field `id` removed',
      'Things_list GET /things: 200 response (application/json): field `items[].id` removed',
    ]);
  });

  it('reads an empty security list as no requirement, like a missing one', () => {
    expect(
      classify(
        base(),
        changed((d) => (list(d).security = [])),
      ),
    ).toEqual([]);
    expect(
      classify(
        changed((d) => (list(d).security = [])),
        changed((d) => (list(d).security = [{ bearer: [] }])),
      ),
    ).toEqual([expect.objectContaining({ breaking: true, kind: 'security-added' })]);
  });

  it('stops on a schema that holds itself through allOf alone', () => {
    const selfHolding = (withNote: boolean) =>
      changed((d) => {
        schemas(d).Node = {
          allOf: [{ $ref: '#/components/schemas/Named' }],
          properties: { parent: { $ref: '#/components/schemas/Node' } },
        };
        if (withNote) schemas(d).Node.properties.note = { type: 'string' };
        paths(d)['/things/{id}'].get.responses['200'].content['application/json'].schema = {
          $ref: '#/components/schemas/Node',
        };
      });
    expect(classify(selfHolding(true), selfHolding(false))).toEqual([
      expect.objectContaining({
        breaking: true,
        message: '200 response (application/json): field `note` removed',
      }),
    ]);
  });

  it('sees a removed field inside one alternative of a oneOf', () => {
    const withVariants = (remove: boolean) =>
      changed((d) => {
        const a: Node = {
          type: 'object',
          properties: { kind: { type: 'string' }, size: { type: 'integer' } },
        };
        if (remove) delete a.properties.size;
        paths(d)['/things/{id}'].get.responses['200'].content['application/json'].schema = {
          oneOf: [a, { type: 'object', properties: { url: { type: 'string' } } }],
        };
      });
    expect(classify(withVariants(false), withVariants(true))).toEqual([
      expect.objectContaining({
        breaking: true,
        kind: 'field-removed',
        message: '200 response (application/json): field `<1>.size` removed',
      }),
    ]);
  });
});
