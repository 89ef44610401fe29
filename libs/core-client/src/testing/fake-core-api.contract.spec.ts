// The fake core-api re-implements core-api for the BFFs' tests; this spec holds it to core-api's
// committed document, openapi/core-api.json, so that it cannot drift from the real one: every
// answer it gives of its own accord has a status the operation declares, a declared content type
// and a body its schema accepts, and every operation the BFFs call through core-client is served.
import { OPERATION_NAMES } from '../lib/operations';
import { CLIENT_CALLS } from './client-calls';
import { AnswerCase, ANSWER_CASES, ANSWERS_BY_ROUTE, CaseOptions } from './fake-answer-cases';
import { concretePath } from './openapi-answers';
import { useFakeCoreApi } from './hooks';
import { OpenApiAnswers } from './openapi-answers';
import { TestClient, testClient } from './test-client';

const document = OpenApiAnswers.load('core-api');
/** Documented operations the BFFs never call, so the fake leaves them out. */
const NOT_SERVED = ['GET /metrics', 'GET /health/ready', 'GET /carts/{cartId}'];

/** `GET /products/:id` and `GET /products/{id}` alike, as `GET /products/{}`. */
const route = (operation: string) => operation.replace(/:[^/]+|\{[^}]+\}/g, '{}');
/** A service token as the fake reads it (unverified: core-api's own tests verify tokens). */
const tokenFor = (as: number | 'anonymous') => {
  const sub = as === 'anonymous' ? as : `customer:${as}`;
  return `Bearer e30.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.unsigned`;
};

describe('the fake core-api answers as openapi/core-api.json says core-api does', () => {
  const fake = useFakeCoreApi();

  /** Sends `method url` and checks the answer against the document. */
  async function answerTo(method: string, url: string, options: CaseOptions | 'no token' = {}) {
    const { as = 'anonymous', body, headers = {}, given } = options === 'no token' ? {} : options;
    given?.(fake.shop);
    const res = await fetch(`${fake.url}${url}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      headers: {
        ...(options === 'no token' ? {} : { authorization: tokenFor(as) }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
    });
    const answer = {
      method,
      path: url.split('?')[0] ?? url,
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: await res.text(),
    };
    return { ...answer, problems: document.problemsWith(answer) };
  }
  /** A concrete URL of a route the fake names (`GET /products/:id`): its method and URL. */
  const concrete = (served: string): [string, string] => {
    const [method = '', path = ''] = served.split(' ');
    return [method, concretePath(path.replace(/:(\w+)/g, '{$1}'))];
  };

  it('serves only documented operations, and every one but those the BFFs never call', () => {
    const documented = document.operations().map(route);
    expect(fake.served.map(route).filter((r) => !documented.includes(r))).toEqual([]);
    const served = [...fake.served, 'GET /health/live'].map(route);
    expect(documented.filter((r) => !served.includes(r)).sort()).toEqual(
      NOT_SERVED.map(route).sort(),
    );
  });

  it('lists answers for exactly the routes it serves, each with a success', () => {
    expect(Object.keys(ANSWERS_BY_ROUTE).sort()).toEqual([...fake.served].sort());
    for (const [route, byStatus] of Object.entries(ANSWERS_BY_ROUTE)) {
      expect({ route, success: Object.keys(byStatus).some((s) => Number(s) < 300) }).toEqual({
        route,
        success: true,
      });
    }
  });

  it.each<AnswerCase>([...ANSWER_CASES, ['GET /health/live', '/health/live', 200]])(
    '%s: answers %s with %s, as the document declares it',
    // A rest parameter: rows without options would otherwise make Jest pass its `done` callback.
    async (...[served, url, status, options]: AnswerCase) => {
      const [method = ''] = served.split(' ');
      // The URL is one of the route's, as the document names it.
      const template = document.templateOf(method, url.split('?')[0] ?? url) ?? '';
      expect(route(`${method} ${template}`)).toBe(route(served));
      const answer = await answerTo(method, url, options);
      expect({ status: answer.status, problems: answer.problems }).toEqual({
        status,
        problems: [],
      });
    },
  );

  it.each(fake.served)('answers %s without a service token with a declared 401', async (served) => {
    const answer = await answerTo(...concrete(served), 'no token');
    expect({ status: answer.status, problems: answer.problems }).toEqual({
      status: 401,
      problems: [],
    });
  });

  const personal = fake.served.filter((served) => /\/(customers\/me|carts|orders)\b/.test(served));

  it.each(personal)('answers %s for an anonymous visitor with a declared 403', async (served) => {
    const body = served.startsWith('PUT') ? { quantity: 1 } : undefined;
    const answer = await answerTo(...concrete(served), {
      body,
      headers: { 'idempotency-key': 'k' },
    });
    expect({ status: answer.status, problems: answer.problems }).toEqual({
      status: 403,
      problems: [],
    });
  });

  it('answers an unknown route, and a fault a test sets, with problems shaped like core-api’s', async () => {
    const unknown = await answerTo('GET', '/nowhere');
    expect(unknown.status).toBe(404);
    fake.fail('GET', '/categories', 503);
    const fault = await answerTo('GET', '/categories');
    expect(fault.status).toBe(503);
    for (const { body } of [unknown, fault]) {
      expect(document.problemsWithComponent('ProblemDetailsDto', JSON.parse(body))).toEqual([]);
    }
  });

  describe('through core-client', () => {
    let core: TestClient;
    beforeAll(() => {
      core = testClient(fake.url, { resilience: { retries: 0 } });
    });
    afterAll(() => core.close());

    it.each(OPERATION_NAMES)(
      'serves %s, which the BFFs call, at a documented operation',
      async (operation) => {
        await CLIENT_CALLS[operation](core.client, fake);
        const call = fake.calls.at(-1);
        const [method = '', path = ''] = [call?.method, call?.url.split('?')[0]];
        const template = document.templateOf(method, path);
        expect({ operation, documented: template !== undefined }).toEqual({
          operation,
          documented: true,
        });
        expect(fake.served.map(route)).toContain(route(`${method} ${template}`));
      },
    );
  });
});
