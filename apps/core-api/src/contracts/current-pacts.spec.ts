// core-api verifies every committed BFF pact (pacts/*.json) against itself: the real app on a
// fresh embedded PostgreSQL, over real HTTP, each provider state seeded before its interaction.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../testing/test-app';
import { providerStates } from '../testing/pact/provider-states';
import { serviceTokenFilter } from '../testing/pact/service-token-filter';
import { verifyPact } from '../testing/pact/verify-pact';

const PACTS = join(__dirname, '..', '..', '..', '..', 'pacts');
const pactFiles = readdirSync(PACTS).filter((f) => f.endsWith('-core-api.json'));

describe('core-api honours every committed consumer pact', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp(['web-bff', 'mobile-bff']);
  });
  afterAll(() => api?.close());

  it('has a pact from each BFF', () => {
    expect(pactFiles.sort()).toEqual(['mobile-bff-core-api.json', 'web-bff-core-api.json']);
  });

  it.each(pactFiles)('verifies pacts/%s', async (file) => {
    const failures = await verifyPact(join(PACTS, file), {
      providerBaseUrl: api.url,
      stateHandlers: providerStates(api),
      requestFilter: serviceTokenFilter(api),
    });
    expect(failures).toEqual([]);
  });

  it('refuses the pacts’ unsigned example tokens: without the verifier’s own, every interaction fails', async () => {
    const file = join(PACTS, 'web-bff-core-api.json');
    const { interactions } = JSON.parse(readFileSync(file, 'utf8')) as { interactions: unknown[] };
    const failures = await verifyPact(file, {
      providerBaseUrl: api.url,
      stateHandlers: providerStates(api),
      requestFilter: (_req, _res, next) => next(),
    });
    expect(failures).toHaveLength(interactions.length);
    for (const failure of failures) expect(failure).toMatch(/^web-bff: ".+" — .*but was 401/);
  });
});
