import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import { hasRouteFlag, RouteFlag } from './route-flag';

const FLAGS = ['quiet', 'formBody', 'operations'] as const;

@Controller('flags')
class FlagsController {
  @Get('two')
  @RouteFlag('quiet')
  @RouteFlag('formBody')
  two(): string {
    return 'two';
  }

  @Get('one')
  @RouteFlag('operations')
  one(): string {
    return 'one';
  }

  // Nest's own config set below the flag (so first): the flag adds to it.
  @Get('with-config')
  @RouteFlag('quiet')
  @RouteConfig({ limit: 3 })
  withConfig(): string {
    return 'with-config';
  }

  @Get('none')
  @Post('none')
  none(): string {
    return 'none';
  }
}

/** The flags and config a request's matched route carried, as a hook sees them. */
interface Seen {
  flags: string[];
  limit: unknown;
}

@Module({ controllers: [FlagsController] })
class FlagsModule {}

describe('RouteFlag (Nest on Fastify, over real HTTP)', () => {
  let app: NestFastifyApplication;
  let base: string;
  let seen: Seen | undefined;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(FlagsModule, new FastifyAdapter(), {
      logger: false,
    });
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (request, _reply, done) => {
        const config: unknown = request.routeOptions.config;
        seen = {
          flags: FLAGS.filter((flag) => hasRouteFlag(config, flag)),
          limit: typeof config === 'object' && config ? Reflect.get(config, 'limit') : undefined,
        };
        done();
      });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const flagsOf = async (path: string, method = 'GET'): Promise<Seen | undefined> => {
    seen = undefined;
    const res = await fetch(`${base}${path}`, { method });
    await res.arrayBuffer();
    return seen;
  };

  it('keeps every flag of a handler marked twice (Nest’s @RouteConfig would keep only one)', async () => {
    expect(await flagsOf('/flags/two')).toEqual({ flags: ['quiet', 'formBody'], limit: undefined });
    expect(await flagsOf('/flags/one')).toEqual({ flags: ['operations'], limit: undefined });
  });

  it('adds to the config Nest’s @RouteConfig set before it', async () => {
    expect(await flagsOf('/flags/with-config')).toEqual({ flags: ['quiet'], limit: 3 });
  });

  it('marks no other route: an unmarked handler, another method, an unmatched URL', async () => {
    expect((await flagsOf('/flags/none'))?.flags).toEqual([]);
    expect((await flagsOf('/flags/none', 'POST'))?.flags).toEqual([]);
    expect((await flagsOf('/flags/two', 'POST'))?.flags).toEqual([]);
    expect((await flagsOf('/FLAGS/two'))?.flags).toEqual([]);
  });

  it('reads only a flag set to true, from a config object', () => {
    expect(hasRouteFlag({ quiet: true }, 'quiet')).toBe(true);
    expect(hasRouteFlag({ quiet: 'true' }, 'quiet')).toBe(false);
    expect(hasRouteFlag({}, 'quiet')).toBe(false);
    expect(hasRouteFlag(undefined, 'quiet')).toBe(false);
    expect(hasRouteFlag(null, 'quiet')).toBe(false);
  });
});
