import { RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

/**
 * The byte budget of the native apps' product screen: at most a quarter of what the browser's
 * product page weighs for the same product, uncompressed, measured against the real services
 * (web-bff's page may change shape: it is measured here, never hard-coded).
 */
const BUDGET = 0.25;
const PRODUCTS = [1, 42, 250, 377, 500];

describe('mobile-bff byte budget against web-bff (built apps as real processes)', () => {
  const keysDir = tempKeysDir();
  let core: RunningService;
  let web: RunningService;
  let mobile: RunningService;

  beforeAll(async () => {
    core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
    [web, mobile] = await Promise.all([
      startService('web-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir }),
      startService('mobile-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([web, mobile, core].filter(Boolean).map((s) => s.stop()));
  });

  /** Uncompressed bytes of a 200 JSON answer. */
  const bytesOf = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity', ...headers } });
    const text = await res.text();
    expect({ url, status: res.status }).toEqual({ url, status: 200 });
    expect(() => JSON.parse(text)).not.toThrow();
    return Buffer.byteLength(text);
  };

  it.each(PRODUCTS)(
    'product %i: the mobile screen (v1 and v2) is at most 25 %% of the web page',
    async (id) => {
      const page = await bytesOf(`${web.url}/api/pages/product/${id}`, { 'x-csrf': '1' });
      const v1 = await bytesOf(`${mobile.url}/v1/screens/product/${id}`);
      const v2 = await bytesOf(`${mobile.url}/v2/screens/product/${id}`);
      const v2AtDpr3 = await bytesOf(`${mobile.url}/v2/screens/product/${id}?dpr=3`);
      const report = { id, page, v1, v2, v2AtDpr3, budget: Math.floor(page * BUDGET) };
      for (const screen of [v1, v2, v2AtDpr3])
        expect({ ...report, screen }).toEqual({
          ...report,
          screen: Math.min(screen, report.budget),
        });
    },
  );
});
