import { documentOf } from './support/live-exchange';
import { LiveAnswer, OpenApiDocument, StrictDocument } from './support/strict-document';

/** A small document: one operation, a 200 with a nested object, a map and a declared header. */
const planted: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            headers: {
              'X-Count': {
                required: true,
                schema: { type: 'integer', format: 'int32', minimum: 0 },
              },
              'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '304': { headers: {} },
        },
      },
    },
  },
  components: {
    headers: { 'X-Request-Id': { schema: { type: 'string', minLength: 8 } } },
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          part: { type: 'object', properties: { name: { type: 'string' } } },
          counts: { type: 'object', additionalProperties: { type: 'integer' } },
        },
        required: ['id'],
      },
    },
  },
};

const good: LiveAnswer = {
  method: 'GET',
  path: '/things/7',
  status: 200,
  headers: [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['X-Count', '3'],
    ['x-request-id', 'abcdefgh-1'],
    ['Date', 'Mon, 30 Nov 2026 08:00:00 GMT'],
    ['Strict-Transport-Security', 'max-age=31536000'],
  ],
  body: JSON.stringify({ id: 7, part: { name: 'a' }, counts: { a: 1, b: 2 } }),
};

describe('StrictDocument: an answer held to its document', () => {
  const doc = new StrictDocument(planted);

  it('accepts an answer the document declares, map members and infrastructure headers included', () => {
    expect(doc.problemsWith(good)).toEqual([]);
  });

  it.each([
    [
      'an undeclared member, nested',
      { body: JSON.stringify({ id: 7, part: { name: 'a', x: 1 } }) },
      /must NOT have additional properties.*"x"/,
    ],
    [
      'an undeclared top-level member',
      { body: JSON.stringify({ id: 7, extra: true }) },
      /additionalProperty":"extra"/,
    ],
    [
      'a wrong type in a map',
      { body: JSON.stringify({ id: 7, counts: { a: 'one' } }) },
      /counts\/a must be integer/,
    ],
    ['an undeclared status', { status: 404 }, /404 is not declared for GET \/things\/\{id\}/],
    [
      'an undeclared header',
      { headers: [...good.headers, ['Cache-Control', 'no-store']] },
      /header Cache-Control is not declared/,
    ],
    [
      'a header against its schema',
      { headers: good.headers.map(([n, v]): [string, string] => [n, n === 'X-Count' ? '-1' : v]) },
      /header X-Count: .*must be >= 0/,
    ],
    [
      'a header against a shared component',
      {
        headers: good.headers.map(([n, v]): [string, string] => [
          n,
          n === 'x-request-id' ? 'short' : v,
        ]),
      },
      /header x-request-id: .*must NOT have fewer than 8/,
    ],
    [
      'a header outside its format',
      {
        headers: good.headers.map(([n, v]): [string, string] => [
          n,
          n === 'X-Count' ? '3000000000' : v,
        ]),
      },
      /header X-Count: .*must match format "int32"/,
    ],
    [
      'a required header missing',
      { headers: good.headers.filter(([n]) => n !== 'X-Count') },
      /required header X-Count is missing/,
    ],
    [
      'another media type',
      {
        headers: [
          ...good.headers.filter(([n]) => n !== 'Content-Type'),
          ['content-type', 'text/html'],
        ] as Array<[string, string]>,
      },
      /declares application\/json, not "text\/html"/,
    ],
    ['a body where none is declared', { status: 304, headers: [], body: 'x' }, /declares no body/],
    ['an undocumented path', { path: '/other' }, /no documented operation GET \/other/],
  ] as Array<[string, Partial<LiveAnswer>, RegExp]>)('refuses %s', (_case, change, message) => {
    const problems = doc.problemsWith({ ...good, ...change });
    expect(problems.join('\n')).toMatch(message);
  });

  it('refuses, against the committed mobile-bff document, a 426 with a member its schema lacks', () => {
    const mobile = documentOf('mobile-bff');
    const problem = {
      type: 'about:blank',
      title: 'Upgrade Required',
      status: 426,
      requestId: 'abcdefgh-1',
      code: 'app_update_required',
      minimumVersion: '1.2.0',
    };
    const answer = (body: object): LiveAnswer => ({
      method: 'GET',
      path: '/v2/screens/home',
      status: 426,
      headers: [
        ['content-type', 'application/problem+json'],
        ['x-request-id', 'abcdefgh-1'],
      ],
      body: JSON.stringify(body),
    });
    expect(mobile.problemsWith(answer(problem))).toEqual([]);
    expect(mobile.problemsWith(answer({ ...problem, notInTheSchema: 1 })).join('\n')).toMatch(
      /additionalProperty":"notInTheSchema"/,
    );
    const { minimumVersion: _left, ...withoutIt } = problem;
    expect(mobile.problemsWith(answer(withoutIt)).join('\n')).toMatch(
      /required property 'minimumVersion'/,
    );
  });
});
