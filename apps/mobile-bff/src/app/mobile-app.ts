import { VersioningType } from '@nestjs/common';
import { CreateAppOptions } from '@bff/platform-bootstrap';
import { MobileBffEnv, mobileBearerOptions } from '../config/env';
import { configureMobileHttp } from '../http/mobile-http';
import { AppModule } from './app.module';
import { openApiInfo } from './openapi-info';

/** How mobile-bff is built: main.ts and the tests start exactly this. */
export function mobileAppOptions(env: MobileBffEnv): CreateAppOptions {
  return {
    module: AppModule.forRoot(env),
    openApi: openApiInfo(env),
    // Old app versions stay installed for months: every screen lives under /v<n>/, and v1 and
    // v2 are served side by side. Each controller names its versions; health, metrics and docs
    // stay unversioned.
    versioning: { type: VersioningType.URI },
    configure: (app) =>
      configureMobileHttp(app, {
        minAppVersion: env.MIN_APP_VERSION,
        deprecatedAt: env.V1_DEPRECATED_AT,
        sunsetAt: env.V1_SUNSET_AT,
        issuer: mobileBearerOptions(env).issuer,
      }),
  };
}
