import { ESLint } from 'eslint';
import { join } from 'node:path';
import { BFFS, projectGraph, ROOT } from './support/workspace';

const eslint = new ESLint({ cwd: ROOT });

/** Lints `code` as if it were the file at `path` (the file need not exist). */
async function lint(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const BOUNDARY = /^@nx\/enforce-module-boundaries: /;

describe('module boundaries (eslint.config.mjs)', () => {
  it.each([
    [
      'an app importing another app',
      'apps/web-bff/src/pages/x.ts',
      "import { ProductScreenService } from '../../../mobile-bff/src/screens/product/product-screen.service';\nexport const x = ProductScreenService;",
    ],
    [
      'web code importing mobile code',
      'apps/web-bff/src/pages/x.ts',
      "import { toProductScreen } from '../../../mobile-bff/src/screens/product/product-screen.shaper';\nexport const x = toProductScreen;",
    ],
    [
      'mobile code importing web code',
      'apps/mobile-bff/src/screens/x.ts',
      "import { toProductPage } from '../../../web-bff/src/pages/product/product-page.shaper';\nexport const x = toProductPage;",
    ],
    [
      'core-api importing the core client',
      'apps/core-api/src/catalog/x.ts',
      "import { CoreApiClient } from '@bff/core-client';\nexport const x = CoreApiClient;",
    ],
    [
      'platform code importing domain contracts',
      'libs/platform/problem/src/lib/x.ts',
      "import { ProductDto } from '@bff/core-contracts';\nexport const x = ProductDto;",
    ],
    [
      'contracts importing the client',
      'libs/core-contracts/src/lib/x.ts',
      "import { CoreApiClient } from '@bff/core-client';\nexport const x = CoreApiClient;",
    ],
    [
      'a lib importing an app',
      'libs/core-client/src/lib/x.ts',
      "import { AppModule } from '../../../../apps/web-bff/src/app/app.module';\nexport const x = AppModule;",
    ],
    [
      'the core client importing the BFF kit',
      'libs/core-client/src/lib/x.ts',
      "import { bffFoundation } from '@bff/bff-kit';\nexport const x = bffFoundation;",
    ],
    [
      'core-api importing the BFF kit',
      'apps/core-api/src/catalog/x.ts',
      "import { aggregate } from '@bff/bff-kit';\nexport const x = aggregate;",
    ],
    [
      'platform code importing the BFF kit',
      'libs/platform/health/src/lib/x.ts',
      "import { CoreApiHealthIndicator } from '@bff/bff-kit';\nexport const x = CoreApiHealthIndicator;",
    ],
    [
      'contracts importing the BFF kit',
      'libs/core-contracts/src/lib/x.ts',
      "import { ProductImageParamsDto } from '@bff/bff-kit';\nexport const x = ProductImageParamsDto;",
    ],
    [
      'web-bff importing the demo accounts (the seed of core-api and the development provider)',
      'apps/web-bff/src/pages/x.ts',
      "import { DEMO_CUSTOMERS } from '@bff/demo-customers';\nexport const x = DEMO_CUSTOMERS;",
    ],
    [
      'mobile-bff importing the demo accounts',
      'apps/mobile-bff/src/screens/x.ts',
      "import { DEMO_CUSTOMERS } from '@bff/demo-customers';\nexport const x = DEMO_CUSTOMERS;",
    ],
    [
      'the demo accounts importing platform code',
      'libs/demo-customers/src/lib/x.ts',
      "import { devSecret } from '@bff/platform-auth';\nexport const x = devSecret;",
    ],
    [
      'the development provider importing the core client',
      'apps/dev-identity/src/x.ts',
      "import { CoreApiClient } from '@bff/core-client';\nexport const x = CoreApiClient;",
    ],
    [
      'contracts importing platform code other than validation',
      'libs/core-contracts/src/lib/x.ts',
      "import { NotFoundProblem } from '@bff/platform-problem';\nexport const x = NotFoundProblem;",
    ],
    [
      'an SDK importing a monorepo lib (it is published on its own)',
      'libs/sdk/web/src/x.ts',
      "import { NotFoundProblem } from '@bff/platform-problem';\nexport const x = NotFoundProblem;",
    ],
    [
      'the web SDK importing the mobile SDK',
      'libs/sdk/web/src/x.ts',
      "import { createMobileBffClient } from '@bff/mobile-sdk';\nexport const x = createMobileBffClient;",
    ],
    [
      'an SDK importing a package other than openapi-fetch',
      'libs/sdk/mobile/src/x.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;",
    ],
    [
      'the storefront importing the mobile SDK',
      'apps/web-bff/storefront/src/x.ts',
      "import { createMobileBffClient } from '@bff/mobile-sdk';\nexport const x = createMobileBffClient;",
    ],
    [
      'the app client importing anything but its SDK',
      'apps/mobile-app-client/src/x.ts',
      "import { CoreApiClient } from '@bff/core-client';\nexport const x = CoreApiClient;",
    ],
    [
      'the app client importing the web SDK',
      'apps/mobile-app-client/src/x.ts',
      "import { createWebBffClient } from '@bff/web-sdk';\nexport const x = createWebBffClient;",
    ],
  ])('rejects %s', async (_what, path, code) => {
    const messages = await lint(path, code);
    expect(messages.filter((m) => BOUNDARY.test(m))).not.toEqual([]);
  });

  it('rejects a production import of a testing entry point', async () => {
    const messages = await lint(
      'apps/web-bff/src/pages/x.ts',
      "import { aProduct } from '@bff/core-client/testing';\nexport const x = aProduct;",
    );
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it.each([
    [
      'server code (the BFF kit)',
      "import { ProductImages } from '@bff/bff-kit';\nexport const x = ProductImages;",
    ],
    [
      "core-api's contracts instead of the SDK's types",
      "import { ProductDto } from '@bff/core-contracts';\nexport const x = ProductDto;",
    ],
  ])('rejects the storefront importing %s: only the web SDK', async (_what, code) => {
    const messages = await lint('apps/web-bff/storefront/src/x.ts', code);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^no-restricted-imports: .*The storefront uses web-bff through @bff\/web-sdk only/,
        ),
      ]),
    );
  });

  // Every BFF, a generated one too: its SDK is @bff/<name without -bff>-sdk.
  it.each(BFFS)("rejects %s's service code importing its own SDK", async (bff) => {
    const sdk = `@bff/${bff.replace(/-bff$/, '')}-sdk`;
    const messages = await lint(
      `apps/${bff}/src/x.ts`,
      `import * as sdk from '${sdk}';\nexport const x = sdk;`,
    );
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it("gives every app's scope its ownership rule: its own code and shared code, no demo accounts", async () => {
    const config = await eslint.calculateConfigForFile(join(ROOT, 'apps/core-api/src/main.ts'));
    const constraints: { sourceTag: string; [k: string]: unknown }[] =
      config.rules['@nx/enforce-module-boundaries'][1].depConstraints;
    const rulesOf = (tag: string) =>
      constraints.filter((c) => c.sourceTag === tag).map(({ sourceTag: _, ...rule }) => rule);
    const appScopes = [...projectGraph().values()]
      .filter((p) => p.tags.includes('type:app'))
      .map((p) => p.tags.find((t) => t.startsWith('scope:'))!);
    expect(appScopes).toEqual(expect.arrayContaining(['scope:web', 'scope:mobile']));
    for (const scope of appScopes) {
      expect({ scope, rules: rulesOf(scope) }).toEqual({
        scope,
        rules: expect.arrayContaining([{ onlyDependOnLibsWithTags: [scope, 'scope:shared'] }]),
      });
    }
    for (const bff of BFFS) {
      const scope = projectGraph()
        .get(bff)!
        .tags.find((t) => t.startsWith('scope:'))!;
      expect(rulesOf(scope)).toContainEqual({ notDependOnLibsWithTags: ['type:seed'] });
    }
  });

  it('rejects forwardRef, which hides a dependency cycle', async () => {
    const messages = await lint(
      'apps/core-api/src/catalog/x.ts',
      "import { forwardRef } from '@nestjs/common';\nexport const x = forwardRef(() => Object);",
    );
    expect(messages.some((m) => m.startsWith('no-restricted-syntax'))).toBe(true);
  });

  it.each([
    [
      'a BFF importing the client, contracts and platform',
      'apps/web-bff/src/pages/x.ts',
      "import { CoreApiClient } from '@bff/core-client';\nimport { ProductDto } from '@bff/core-contracts';\nimport { loadEnv } from '@bff/platform-config';\nexport const x = [CoreApiClient, ProductDto, loadEnv];",
    ],
    [
      'core-api importing contracts and platform',
      'apps/core-api/src/catalog/x.ts',
      "import { ProductDto } from '@bff/core-contracts';\nimport { NotFoundProblem } from '@bff/platform-problem';\nexport const x = [ProductDto, NotFoundProblem];",
    ],
    [
      'a BFF importing the BFF kit',
      'apps/mobile-bff/src/screens/x.ts',
      "import { aggregate } from '@bff/bff-kit';\nexport const x = aggregate;",
    ],
    [
      'the BFF kit importing the client, contracts and platform',
      'libs/bff-kit/src/lib/x.ts',
      "import { CoreApiClient } from '@bff/core-client';\nimport { ProductDto } from '@bff/core-contracts';\nimport { loadEnv } from '@bff/platform-config';\nexport const x = [CoreApiClient, ProductDto, loadEnv];",
    ],
    [
      'contracts importing the generic validation rules',
      'libs/core-contracts/src/lib/x.ts',
      "import { IsId } from '@bff/platform-validation';\nexport const x = IsId;",
    ],
    [
      'a spec importing a testing entry point',
      'apps/web-bff/src/pages/x.spec.ts',
      "import { aProduct } from '@bff/core-client/testing';\nexport const x = aProduct;",
    ],
    [
      'the storefront importing the web SDK',
      'apps/web-bff/storefront/src/x.ts',
      "import { createWebBffClient } from '@bff/web-sdk';\nexport const x = createWebBffClient;",
    ],
    [
      'an SDK importing openapi-fetch',
      'libs/sdk/mobile/src/x.ts',
      "import createClient from 'openapi-fetch';\nexport const x = createClient;",
    ],
    [
      'the app client importing the mobile SDK',
      'apps/mobile-app-client/src/x.ts',
      "import { createMobileBffClient } from '@bff/mobile-sdk';\nexport const x = createMobileBffClient;",
    ],
  ])('allows %s', async (_what, path, code) => {
    expect(await lint(path, code)).toEqual([]);
  });
});
