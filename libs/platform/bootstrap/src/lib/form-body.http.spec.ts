import { expectProblem as problem, handled, startEdgeApp } from '../testing/edge-app';

const FORM = 'application/x-www-form-urlencoded';

describe('form bodies, only where a route says @FormBody() (createApp over real HTTP)', () => {
  let edge: Awaited<ReturnType<typeof startEdgeApp>>;
  const send = (method: string, path: string, body: string | FormData | undefined, type?: string) =>
    edge.send(method, path, body, type);

  beforeAll(async () => {
    edge = await startEdgeApp();
  });
  afterAll(() => edge.close());
  beforeEach(() => edge.resetHandled());

  it('parses a form on the route that opted in, in UTF-8, with or without the charset', async () => {
    for (const type of [FORM, `${FORM}; charset=UTF-8`, 'Application/X-WWW-Form-Urlencoded']) {
      const res = await send('POST', '/edge/protocol/form', 'token=a%20b&note=%C3%A9', type);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ token: 'a b', note: 'é' });
    }
    expect(handled).toBe(3);
  });

  it('refuses a form with 415 json_body_required on every other route, method and spelling', async () => {
    for (const [method, path] of [
      ['POST', '/edge/things'],
      ['PUT', '/edge/things/x'],
      ['POST', '/edge/actions/sign-in'],
      ['POST', '/%65dge/actions/sign-in'],
      ['POST', '/edge/actions/sign-in/'],
      ['DELETE', '/edge/things/x'],
      ['DELETE', '/edge/protocol/form/../../things/x'],
    ]) {
      const res = await send(method!, path!, 'token=x&name=ada', FORM);
      expect([path, res.status]).toEqual([path, res.status === 404 ? 404 : 415]);
      if (res.status === 415) await problem(res, 415, 'json_body_required');
    }
    // Another method on the form route's own path is not that route: 405, nothing parsed.
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await send(method, '/edge/protocol/form', 'token=x', FORM);
      await problem(res, 405);
    }
    expect(handled).toBe(0);
  });

  it.each([
    ['application/json', '{"token":"x"}'],
    ['text/plain', 'token=x'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="token"\r\n\r\nx\r\n--x--\r\n',
    ],
    [`${FORM}; charset=iso-8859-1`, 'token=x'],
  ])('refuses %s on the form route with 415, before the handler', async (type, payload) => {
    await problem(await send('POST', '/edge/protocol/form', payload, type), 415);
    expect(handled).toBe(0);
  });

  it('refuses a repeated field (parameter pollution) and more fields than the member limit with 400', async () => {
    await problem(
      await send('POST', '/edge/protocol/form', 'token=a&token=b', FORM),
      400,
      'malformed_form_body',
    );
    const many = Array.from({ length: 60 }, (_, i) => `f${i}=1`).join('&');
    await problem(await send('POST', '/edge/protocol/form', many, FORM), 400, 'body_too_complex');
    expect(handled).toBe(0);
  });

  it('validates the parsed form like any body: unknown fields and prototype keys are 400', async () => {
    for (const payload of ['token=x&admin=1', 'token=x&__proto__=1', '']) {
      await problem(await send('POST', '/edge/protocol/form', payload, FORM), 400);
    }
    expect(handled).toBe(0);
  });

  it('documents the form media type on that operation only', async () => {
    const doc = (await (await fetch(`${edge.base}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(
      Object.keys(doc.paths['/edge/protocol/form']?.['post']?.requestBody?.content ?? {}),
    ).toEqual([FORM]);
    expect(Object.keys(doc.paths['/edge/things']?.['post']?.requestBody?.content ?? {})).toEqual([
      'application/json',
    ]);
  });
});
