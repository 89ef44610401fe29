import { expectProblem as problem, handled, startEdgeApp } from '../testing/edge-app';

describe('the request bodies every service accepts (createApp over real HTTP)', () => {
  let edge: Awaited<ReturnType<typeof startEdgeApp>>;
  let base = '';
  const send = (method: string, path: string, body: string | FormData | undefined, type?: string) =>
    edge.send(method, path, body, type);

  beforeAll(async () => {
    edge = await startEdgeApp();
    base = edge.base;
  });
  afterAll(() => edge.close());
  beforeEach(() => edge.resetHandled());

  describe('only application/json bodies are parsed', () => {
    const refused: Array<[string, string, string]> = [
      ['application/x-www-form-urlencoded', 'name=ada', 'a cross-site HTML form'],
      ['text/plain', '{"name":"ada"}', 'a form with enctype=text/plain'],
      ['text/plain;charset=UTF-8', '{"name":"ada"}', 'fetch() with a string body and no type'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nada\r\n--x--\r\n',
        'a multipart form',
      ],
      ['application/merge-patch+json', '{"name":"ada"}', 'a +json type'],
      ['application/json; charset=utf-16', '{"name":"ada"}', 'JSON in another charset'],
      ['application/jsonx', '{"name":"ada"}', 'a type that starts like JSON'],
      ['text/csv', 'a,b', 'any other type'],
    ];
    it.each(refused)(
      'refuses %s (%s) with 415 on every body route, before any handler',
      async (type, payload) => {
        for (const [method, path] of [
          ['POST', '/edge/things'],
          ['PUT', '/edge/things/x'],
          ['POST', '/edge/actions/sign-in'],
          ['DELETE', '/edge/things/x'],
        ]) {
          await problem(await send(method!, path!, payload, type), 415, 'json_body_required');
        }
        expect(handled).toBe(0);
      },
    );

    it('refuses a body sent with no content type, and a FormData body, with 415', async () => {
      const form = new FormData();
      form.set('name', 'ada');
      await problem(await send('POST', '/edge/actions/sign-in', form), 415);
      const raw = await fetch(`${base}/edge/actions/sign-in`, {
        method: 'POST',
        body: new Uint8Array(Buffer.from('name=ada')),
      });
      await problem(raw, 415);
      expect(handled).toBe(0);
    });

    it('accepts application/json, with or without charset=utf-8, in any letter case', async () => {
      for (const type of [
        'application/json',
        'application/json; charset=utf-8',
        'Application/JSON;Charset="UTF-8"',
      ]) {
        const res = await send('POST', '/edge/actions/sign-in', '{"name":"ada"}', type);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ name: 'ada' });
      }
      expect((await send('DELETE', '/edge/things/x', undefined)).status).toBe(200);
    });
  });

  it('declares 413 and 415 problem answers on every operation that takes a body, and only there', async () => {
    const doc = (await (await fetch(`${base}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const [path, method] of [
      ['/edge/things', 'post'],
      ['/edge/things/{name}', 'put'],
      ['/edge/actions/sign-in', 'post'],
    ]) {
      expect(doc.paths[path!]?.[method!]?.responses).toMatchObject({
        413: { content: { 'application/problem+json': {} } },
        415: { description: 'Unsupported Media Type' },
      });
    }
    expect(Object.keys(doc.paths['/edge/things']?.['get']?.responses ?? {})).not.toContain('415');
    expect(
      Object.keys(doc.paths['/edge/things/{name}']?.['delete']?.responses ?? {}),
    ).not.toContain('415');
  });

  describe('JSON bodies are bounded when parsed', () => {
    it('answers 400 body_too_complex to a body nested 10,000 levels deep, without reaching validation', async () => {
      for (const deep of [
        '['.repeat(10_000) + ']'.repeat(10_000),
        '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      ]) {
        const body = await problem(
          await send('POST', '/edge/actions/sign-in', deep, 'application/json'),
          400,
          'body_too_complex',
        );
        expect(body).toMatchObject({ maxDepth: 8 });
      }
      expect(handled).toBe(0);
    });

    it('answers 400 body_too_complex beyond the member count, in objects and arrays alike', async () => {
      const wide = JSON.stringify({ name: 'x', list: Array.from({ length: 60 }, (_, i) => i) });
      await problem(
        await send('POST', '/edge/things', wide, 'application/json'),
        400,
        'body_too_complex',
      );
      const keys = JSON.stringify(
        Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i])),
      );
      await problem(
        await send('POST', '/edge/things', keys, 'application/json'),
        400,
        'body_too_complex',
      );
      expect(handled).toBe(0);
    });

    it('still refuses prototype poisoning (400) and malformed JSON (400) and honours the body limit (413)', async () => {
      for (const poisoned of [
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
        '{"a":{"\\u005f_proto__":{}}}',
      ]) {
        await problem(await send('POST', '/edge/things', poisoned, 'application/json'), 400);
      }
      await problem(
        await send('POST', '/edge/things', '{"name":', 'application/json'),
        400,
        'invalid_json',
      );
      await problem(
        await send('POST', '/edge/things', '', 'application/json'),
        400,
        'invalid_json',
      );
      await problem(
        await send(
          'POST',
          '/edge/things',
          JSON.stringify({ name: 'x'.repeat(200 * 1024) }),
          'application/json',
        ),
        413,
        'body_too_large',
      );
      expect(handled).toBe(0);
    });

    it('refuses constructor and prototype keys in a body as unknown properties (400 validation_failed)', async () => {
      for (const body of ['{"name":"x","constructor":1}', '{"prototype":{}}']) {
        const answer = await problem(
          await send('POST', '/edge/things', body, 'application/json'),
          400,
          'validation_failed',
        );
        expect(answer.errors[0]?.messages[0]).toMatch(/should not exist/);
      }
      expect(handled).toBe(0);
    });
  });
});
