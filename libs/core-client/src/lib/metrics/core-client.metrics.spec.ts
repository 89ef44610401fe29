import { Registry } from 'prom-client';
import { aCart, aProduct } from '../../testing/core-api-fixtures';
import { StubCoreApi, json, sequence } from '../../testing/stub-server';
import { TestClient, testClient } from '../../testing/test-client';
import { CoreClientMetrics } from './core-client.metrics';

describe('core-client metrics', () => {
  const stub = new StubCoreApi();
  const registry = new Registry();
  let core: TestClient;

  beforeAll(async () => {
    await stub.start();
    core = testClient(stub.url, {
      metrics: new CoreClientMetrics(registry),
      cache: {},
      resilience: { backoffBaseMs: 5 },
    });
  });
  afterAll(async () => {
    await core.close();
    await stub.stop();
  });

  it('counts outcomes, retries, cache hits and coalesced calls per operation on the given registry', async () => {
    stub.handler = sequence([503, 200], aProduct());
    await core.client.getProduct(1); // miss, one retry, ok
    await core.client.getProduct(1); // hit
    stub.handler = (_req, res) => setTimeout(() => json(res, 200, aCart()), 30);
    await Promise.all([core.client.getCart(5), core.client.getCart(5)]); // one coalesced
    stub.handler = sequence([404]);
    await core.client.getProduct(2).catch(() => undefined);

    const text = await registry.metrics();
    expect(text).toContain('core_client_requests_total{operation="getProduct",outcome="ok"} 2');
    expect(text).toContain(
      'core_client_requests_total{operation="getProduct",outcome="not_found"} 1',
    );
    expect(text).toContain('core_client_retries_total{operation="getProduct"} 1');
    expect(text).toContain('core_client_cache_total{operation="getProduct",result="hit"} 1');
    expect(text).toContain('core_client_cache_total{operation="getProduct",result="miss"} 2');
    expect(text).toContain('core_client_coalesced_total{operation="getCart"} 1');
    expect(text).toContain('core_client_circuit_state{downstream="catalog"} 0');
    expect(text).toMatch(
      /core_client_request_duration_seconds_count\{operation="getProduct",outcome="ok"\} 2/,
    );
  });
});
