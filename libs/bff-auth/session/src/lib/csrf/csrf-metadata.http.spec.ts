// The guard's rule, on a bare Nest app of its own: every handler is guarded unless its metadata
// says otherwise, wherever it is mounted. No URL prefix decides anything.
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { PublicRoute } from '@bff/platform-auth';
import { ProblemFilter } from '@bff/platform-problem';
import { CsrfExempt } from './csrf.guard';
import { CsrfModule } from './csrf.module';

@Controller('anywhere/plain')
class PlainController {
  @Get()
  read(): { ok: true } {
    return { ok: true };
  }

  @Post()
  @HttpCode(200)
  write(): { ok: true } {
    return { ok: true };
  }
}

@CsrfExempt()
@Controller('anywhere/exempt')
class ExemptController {
  @Post()
  @HttpCode(200)
  write(): { ok: true } {
    return { ok: true };
  }
}

@PublicRoute()
@Controller('anywhere/public')
class PublicController {
  @Get()
  read(): { ok: true } {
    return { ok: true };
  }

  @Post()
  @HttpCode(200)
  write(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [CsrfModule.forRoot({ publicOrigins: [] })],
  controllers: [PlainController, ExemptController, PublicController],
})
class BareModule {}

/** Per hook and test: the machine may be busy (an order of magnitude above what it needs). */
const SLOW_MACHINE_MS = 60_000;

describe('CsrfGuard reads route metadata: on by default for every handler, whatever its path', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
      logger: false,
    });
    app.useGlobalFilters(new ProblemFilter());
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, SLOW_MACHINE_MS);
  afterAll(() => app?.close());

  const call = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, { method, headers });
    return {
      method,
      path,
      status: res.status,
      code: ((await res.json()) as { code?: string }).code,
    };
  };

  it(
    'guards a handler that says nothing, outside /api too: no header, 403 csrf_header_missing',
    async () => {
      expect(await call('GET', '/anywhere/plain')).toMatchObject({
        status: 403,
        code: 'csrf_header_missing',
      });
      expect(await call('POST', '/anywhere/plain')).toMatchObject({
        status: 403,
        code: 'csrf_header_missing',
      });
      expect(await call('POST', '/anywhere/plain', { 'x-csrf': '1' })).toMatchObject({
        status: 200,
      });
      expect(
        await call('POST', '/anywhere/plain', { 'x-csrf': '1', 'sec-fetch-site': 'cross-site' }),
      ).toMatchObject({ status: 403, code: 'cross_site_request' });
    },
    SLOW_MACHINE_MS,
  );

  it(
    'skips a handler marked @CsrfExempt()',
    async () => {
      expect(
        await call('POST', '/anywhere/exempt', { 'sec-fetch-site': 'cross-site' }),
      ).toMatchObject({
        status: 200,
      });
    },
    SLOW_MACHINE_MS,
  );

  it(
    'skips only the GETs of a @PublicRoute() (health, metrics): a POST there is still guarded',
    async () => {
      expect(await call('GET', '/anywhere/public')).toMatchObject({ status: 200 });
      expect(await call('POST', '/anywhere/public')).toMatchObject({
        status: 403,
        code: 'csrf_header_missing',
      });
    },
    SLOW_MACHINE_MS,
  );
});
