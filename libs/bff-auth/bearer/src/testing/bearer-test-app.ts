// The lib's own specs: a tiny Nest app (createApp, as every service is built) with one public and
// one personal route behind `BearerAuthModule`, in front of `FakeCoreApi` and a `TestIssuer`, on
// 127.0.0.1 with a free port. Not exported: a BFF's specs start the BFF itself.
import { Controller, Get, Module } from '@nestjs/common';
import { CoreClientModule } from '@bff/core-client';
import { FakeCoreApi, testServiceKey, useFakeCoreApi } from '@bff/core-client/testing';
import { createApp } from '@bff/platform-bootstrap';
import { LoggingModule } from '@bff/platform-logging';
import { StateModule } from '@bff/platform-state';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BearerAuthModule } from '../lib/bearer-auth.module';
import { BearerAuthOptions } from '../lib/bearer-options';
import { CurrentCustomer, RequiresSignIn } from '../lib/requires-sign-in.decorator';
import { TestIssuer, useTestIssuer } from './test-issuer';

/** The BFF the specs play: the lib assumes no BFF's name. */
export const SERVICE = 'partner-bff';

@Controller('catalog')
class PublicController {
  @Get()
  list(): { public: true } {
    return { public: true };
  }
}

@Controller('me')
class PersonalController {
  @Get()
  @RequiresSignIn()
  me(@CurrentCustomer() customerId: number): { customerId: number } {
    return { customerId };
  }
}

export interface BearerTestApp {
  readonly issuer: TestIssuer;
  readonly core: FakeCoreApi;
  readonly url: string;
  /** `GET /me` with `authorization: Bearer <token>` (no header without a token). */
  me(token?: string): Promise<Response>;
}

/**
 * Registers, for the describe block, a test issuer (audience `partner-bff`), a fake core-api and
 * the tiny app; `options` go over the defaults (`issuer` is read once the test issuer listens).
 */
export function useBearerApp(
  options: Partial<Omit<BearerAuthOptions, 'issuer'>> & { issuer?: () => string } = {},
): BearerTestApp {
  const issuer = useTestIssuer(SERVICE);
  const core = useFakeCoreApi();
  let app: NestFastifyApplication | undefined;
  let url = '';
  beforeAll(async () => {
    const { issuer: issuerUrl = () => issuer.url, ...rest } = options;
    const bearer: BearerAuthOptions = {
      service: SERVICE,
      issuer: issuerUrl(),
      audience: SERVICE,
      algorithms: ['ES256'],
      jwksCooldownMs: 30_000,
      ...rest,
    };
    @Module({
      imports: [
        LoggingModule.forRoot({ service: SERVICE, level: 'silent' }),
        StateModule.forRoot({ namespace: SERVICE }),
        {
          ...CoreClientModule.forRoot({
            baseUrl: core.url,
            caller: SERVICE,
            serviceKey: testServiceKey(),
            resilience: { retries: 0, attemptTimeoutMs: 10_000, deadlineMs: 30_000 },
            cache: false,
          }),
          global: true,
        },
        BearerAuthModule.forRoot(bearer),
      ],
      controllers: [PublicController, PersonalController],
    })
    class SpecAppModule {}
    app = await createApp({
      module: SpecAppModule,
      openApi: { title: SERVICE, description: 'spec', version: '0.0.0' },
      docs: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());
  return {
    issuer,
    core,
    get url() {
      return url;
    },
    me: (token) =>
      fetch(`${url}/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
  };
}
