// core-api verifies every committed BFF pact (pacts/*.json) against itself: the real app on a
// fresh embedded PostgreSQL, over real HTTP, each provider state seeded before its interaction.
// The consumers are whoever has a pacts/<consumer>-core-api.json: a new BFF's pact is verified
// as soon as it is committed (tools/workspace checks every BFF has one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../testing/test-app';
import { providerStates } from '../testing/pact/provider-states';
import { pactConsumers, pactPath } from '../testing/pact/released-pacts';
import { serviceTokenFilter } from '../testing/pact/service-token-filter';
import { verifyPact } from '../testing/pact/verify-pact';

const ROOT = join(__dirname, '..', '..', '..', '..');
const consumers = pactConsumers(ROOT);
const pactOf = (consumer: string) => join(ROOT, pactPath(consumer));

describe('core-api honours every committed consumer pact', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp(consumers);
  });
  afterAll(() => api?.close());

  it('finds the pacts, each naming in its file the consumer its file name says, and core-api', () => {
    expect(consumers).toEqual(expect.arrayContaining(['mobile-bff', 'web-bff']));
    for (const consumer of consumers) {
      const pact = JSON.parse(readFileSync(pactOf(consumer), 'utf8'));
      expect({ consumer: pact.consumer?.name, provider: pact.provider?.name }).toEqual({
        consumer,
        provider: 'core-api',
      });
    }
  });

  it.each(consumers)("verifies %s's pact", async (consumer) => {
    const failures = await verifyPact(pactOf(consumer), {
      providerBaseUrl: api.url,
      stateHandlers: providerStates(api),
      requestFilter: serviceTokenFilter(api),
    });
    expect(failures).toEqual([]);
  });

  it('refuses the pacts’ unsigned example tokens: without the verifier’s own, every interaction fails', async () => {
    const file = pactOf('web-bff');
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
