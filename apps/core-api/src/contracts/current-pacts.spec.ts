// core-api verifies every committed BFF pact (pacts/*.json) against itself: the real app on a
// fresh embedded PostgreSQL, over real HTTP, each provider state seeded before its interaction.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../testing/test-app';
import { providerStates } from './provider-states';
import { serviceTokenFilter } from './service-token-filter';
import { verifyPact } from './verify-pact';

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
});
