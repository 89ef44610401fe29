import { DynamicModule, Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { METRICS_REGISTRY } from '@bff/platform-metrics';
import { Registry } from 'prom-client';
import { testServiceKey } from '../testing/stub-server';
import { CoreApiClient } from './core-api.client';
import { CoreClientModule } from './core-client.module';
import { CoreClientMetrics } from './metrics/core-client.metrics';

const serviceRegistry = new Registry();

@Global()
@Module({
  providers: [{ provide: METRICS_REGISTRY, useValue: serviceRegistry }],
  exports: [METRICS_REGISTRY],
})
class FakeMetricsModule {}

@Module({})
class Root {}
const contextOf = (imports: Array<DynamicModule | typeof FakeMetricsModule>) =>
  NestFactory.createApplicationContext({ module: Root, imports }, { logger: false });

describe('CoreClientModule', () => {
  const options = {
    baseUrl: 'http://127.0.0.1:9',
    caller: 'test-bff',
    serviceKey: testServiceKey(),
    cache: false as const,
  };

  it("registers the client's metrics on the service's registry when there is one", async () => {
    const app = await contextOf([FakeMetricsModule, CoreClientModule.forRoot(options)]);
    expect(app.get(CoreClientMetrics).registry).toBe(serviceRegistry);
    expect(await serviceRegistry.metrics()).toContain('core_client_requests_total');
    expect(app.get(CoreApiClient).runner.metrics).toBe(app.get(CoreClientMetrics));
    await app.close();
  });

  it('keeps a registry of its own otherwise', async () => {
    const app = await contextOf([CoreClientModule.forRoot(options)]);
    expect(app.get(CoreClientMetrics).registry).not.toBe(serviceRegistry);
    await app.close();
  });
});
