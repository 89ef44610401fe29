import { aProduct, aRatingSummary } from '../../testing/core-api-fixtures';
import { StubCoreApi, json } from '../../testing/stub-server';
import { TestClient, testClient } from '../../testing/test-client';
import { satisfiesContract } from '../operations';

describe('core-api response contracts', () => {
  // That the contracts accept core-api's real answers is the Pact consumer tests' and core-api's
  // verification's to show (pacts/): the operations accept each pact's answer over HTTP, and
  // core-api answers every pact. What no pact records stays here.
  it('accepts a rating summary of a product without reviews (average null)', () => {
    expect(satisfiesContract('getRatingSummary', aRatingSummary())).toBe(true);
  });

  it.each([
    ['a missing price', { ...aProduct(), price: undefined }],
    ['a string id', { ...aProduct(), id: '1' }],
    ['images that are not a list', { ...aProduct(), images: {} }],
    ['a list instead of an object', [aProduct()]],
    ['null', null],
  ])('rejects a product with %s', (_name, value) => {
    expect(satisfiesContract('getProduct', value)).toBe(false);
  });

  describe('over real HTTP', () => {
    const stub = new StubCoreApi();
    let core: TestClient;
    beforeAll(async () => {
      await stub.start();
      core = testClient(stub.url, { maxResponseBytes: 10_000 });
    });
    afterAll(async () => {
      await core.close();
      await stub.stop();
    });
    beforeEach(() => (stub.hits.length = 0));

    it('answers 502 to a malformed answer, once, without retrying', async () => {
      stub.handler = (_req, res) => json(res, 200, { id: 1, name: 42 });
      await expect(core.client.getProduct(1)).rejects.toMatchObject({
        status: 502,
        code: 'core_api_bad_response',
      });
      expect(stub.count()).toBe(1);
    });

    it('answers 502 to an answer that is not JSON', async () => {
      stub.handler = (_req, res) => res.end('<html>oops</html>');
      await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 502 });
    });

    it('answers 502 to an oversized answer, once, without retrying', async () => {
      stub.handler = (_req, res) =>
        json(res, 200, { ...aProduct(), description: 'x'.repeat(50_000) });
      await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 502 });
      expect(stub.count()).toBe(1);
    });
  });
});
