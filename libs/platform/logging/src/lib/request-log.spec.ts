import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS } from './logging.module';
import { installRequestLog } from './request-log';

/** A pino logger configured as LoggingModule configures it, writing JSON lines into `lines`. */
function serviceLogger(lines: Record<string, unknown>[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line));
      done();
    },
  });
  return pino(
    {
      level: 'info',
      base: { service: 'test' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    sink,
  );
}

describe('installRequestLog', () => {
  const lines: Record<string, unknown>[] = [];
  const root = serviceLogger(lines);
  const fastify = Fastify();
  installRequestLog(fastify, () => root);
  fastify.get('/things/:id', async () => ({ ok: true }));
  fastify.get('/health/live', async () => ({ ok: true }));

  beforeAll(() => fastify.ready());
  afterAll(() => fastify.close());
  beforeEach(() => lines.splice(0));

  it('writes one flat line per request, with the route and never a header', async () => {
    const res = await fastify.inject({
      method: 'GET',
      url: '/things/7?token=abc',
      headers: { authorization: 'Bearer secret-token', cookie: 'sid=secret-cookie' },
    });
    expect(res.statusCode).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      service: 'test',
      level: 30,
      msg: 'request completed',
      method: 'GET',
      path: '/things/7',
      route: '/things/:id',
      status: 200,
    });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret|token=abc/);
  });

  it('leaves probes out of the log', async () => {
    await fastify.inject({ method: 'GET', url: '/health/live' });
    expect(lines).toEqual([]);
  });

  it('keeps redacting every other line of the service', async () => {
    await fastify.inject({ method: 'GET', url: '/things/1' });
    root.info({ user: { password: 'hunter2', token: 't0k3n' } }, 'signed in');
    root.info({ req: { headers: { authorization: 'Bearer x', cookie: 'c' } } }, 'raw request');
    expect(lines.map((l) => l['msg'])).toEqual(['request completed', 'signed in', 'raw request']);
    expect(lines[1]?.['user']).toEqual({ password: '[redacted]', token: '[redacted]' });
    expect(lines[2]?.['req']).toEqual({
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
    });
  });
});
