import helmet, { HelmetOptions } from 'helmet';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DEFAULT_CSP, helmetHeaders } from './security-headers';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: DEFAULT_CSP },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
};

/** What helmet's own middleware sends on a real node:http answer. */
async function sentByHelmet(options: HelmetOptions): Promise<Record<string, string>> {
  const middleware = helmet(options);
  const server = createServer((req, res) => middleware(req, res, () => res.end('ok')));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await res.text();
    const skip = new Set([
      'date',
      'connection',
      'keep-alive',
      'content-length',
      'transfer-encoding',
    ]);
    return Object.fromEntries([...res.headers].filter(([name]) => !skip.has(name)));
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}

describe('helmetHeaders', () => {
  it('works out exactly the headers helmet itself sends for the platform configuration', async () => {
    const expected = await sentByHelmet(OPTIONS);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
    expect(helmetHeaders(OPTIONS)).toEqual(expected);
  });

  it('includes a configured CSP directive and HSTS as helmet renders them', () => {
    const headers = helmetHeaders({
      ...OPTIONS,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...DEFAULT_CSP, 'img-src': ["'self'", 'https://img.example'] },
      },
    });
    expect(headers['content-security-policy']).toContain("img-src 'self' https://img.example");
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['x-powered-by']).toBeUndefined();
  });
});
