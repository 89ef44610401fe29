import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricsModule } from './metrics.module';

@Controller('items')
class ItemsController {
  @Get(':id')
  get(@Param('id') id: string) {
    return { id };
  }
}

describe('MetricsModule (over real HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    @Module({
      imports: [MetricsModule.forRoot({ service: 'test-svc', expose: true })],
      controllers: [ItemsController],
    })
    class AppModule {}
    app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const scrape = async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  it('serves process metrics labelled with the service', async () => {
    expect(await scrape()).toMatch(/process_cpu_user_seconds_total\{service="test-svc"\}/);
  });

  it('labels requests by route template, so 1,000 distinct ids add one series, not 1,000', async () => {
    for (let start = 0; start < 1000; start += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fetch(`${base}/items/${start + i}`).then((r) => r.text()),
        ),
      );
    }
    await fetch(`${base}/no/such/route/${Date.now()}`).then((r) => r.text());
    const text = await scrape();
    const series = text
      .split('\n')
      .filter((line) => line.startsWith('http_server_request_duration_seconds_count'));
    const itemSeries = series.filter((line) => line.includes('/items/'));
    expect(itemSeries).toEqual([
      'http_server_request_duration_seconds_count{service="test-svc",method="GET",route="/items/:id",status_class="2xx"} 1000',
    ]);
    expect(
      series.some(
        (line) => line.includes('route="unmatched"') && line.includes('status_class="4xx"'),
      ),
    ).toBe(true);
    expect(text).not.toMatch(/route="\/items\/\d+"/);
  });
});
