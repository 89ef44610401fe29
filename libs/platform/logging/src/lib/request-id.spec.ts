import type { IncomingMessage } from 'node:http';
import { genRequestId } from './request-id';

const request = (id?: string | string[]) =>
  ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;

describe('genRequestId', () => {
  it('reuses a well-formed inbound X-Request-Id', () => {
    const req = request('abc-123-def-456');
    expect(genRequestId(req)).toBe('abc-123-def-456');
    expect((req as unknown as { id: string }).id).toBe('abc-123-def-456');
  });

  it.each([
    ['short'],
    ['has spaces in it'],
    ['x'.repeat(129)],
    ['line\nbreak-injection'],
    ['{"json":1}'],
  ])('replaces a malformed id (%j) with a fresh UUID', (bad) => {
    expect(genRequestId(request(bad))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes a new UUID when none is sent, and a different one each time', () => {
    const a = genRequestId(request());
    const b = genRequestId(request());
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});
