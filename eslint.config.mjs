// Flat ESLint config for the whole workspace.
//
// The module-boundary rule is the architecture, written down where a machine checks it
// (see docs/adr/0002-module-boundaries.md and tools/workspace/src/module-boundaries.spec.ts):
//   scope:*   who owns the code     core | each BFF's (web, mobile, …: BFF_SCOPES) | shared
//                                   | dev (the development provider)
//   type:*    what the code is      app | contracts | client | kit | platform | seed | e2e | tooling
//                                   | sdk (a BFF's generated client, published on its own)
//                                   | frontend (a program that uses an SDK: apps/mobile-app-client)
//             (+ validation: the one platform lib contracts may use, besides type:platform)
import nx from '@nx/eslint-plugin';
import eslintConfigPrettier from 'eslint-config-prettier';
import { bffs } from './tools/scripts/workspace-apps.js';

/**
 * Each BFF's scope (web, mobile, and any BFF `nx g @bff/workspace:bff` adds), from the apps that
 * declare `metadata.service` in their project.json (tools/scripts/workspace-apps.js). Each one may
 * use only its own code and shared code, and never the demo accounts.
 */
const BFF_SCOPES = bffs().map((bff) => bff.scope);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp', '**/coverage', '**/.data'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          checkDynamicDependenciesExceptions: [],
          allow: [],
          depConstraints: [
            // Ownership: a team's code may use its own code and shared code, nothing else.
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core', 'scope:shared'] },
            ...BFF_SCOPES.map((scope) => ({
              sourceTag: `scope:${scope}`,
              onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The development provider knows accounts and platform code, nothing of the shop.
            { sourceTag: 'scope:dev', onlyDependOnLibsWithTags: ['scope:dev', 'scope:shared'] },
            {
              sourceTag: 'scope:dev',
              notDependOnLibsWithTags: ['type:client', 'type:kit', 'type:contracts'],
            },
            // The demo accounts seed core-api and the development provider, never a BFF.
            ...BFF_SCOPES.map((scope) => ({
              sourceTag: `scope:${scope}`,
              notDependOnLibsWithTags: ['type:seed'],
            })),
            // core-api serves the contracts; it never calls itself through the BFFs' client, and
            // is no BFF: the BFF kit is not for it.
            { sourceTag: 'scope:core', notDependOnLibsWithTags: ['type:client', 'type:kit'] },
            // Kinds of code: contracts are leaf DTOs (plus generic validation rules), the client only
            // calls core-api, the kit is what every BFF is made of, platform knows no domain.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:client',
                'type:kit',
                'type:platform',
                'type:seed',
                // Only for web-bff's storefront (apps/web-bff/storefront): see the import ban below.
                'type:sdk',
              ],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:validation'],
            },
            {
              sourceTag: 'type:client',
              onlyDependOnLibsWithTags: ['type:client', 'type:contracts', 'type:platform'],
            },
            {
              sourceTag: 'type:kit',
              onlyDependOnLibsWithTags: ['type:client', 'type:contracts', 'type:platform'],
            },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:seed', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'],
            },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: [] },
            // A frontend (the reference mobile app client) talks to its BFF through the SDK only.
            { sourceTag: 'type:frontend', onlyDependOnLibsWithTags: ['type:sdk'] },
            // A BFF's SDK is published on its own: nothing of the monorepo, only openapi-fetch.
            {
              sourceTag: 'type:sdk',
              onlyDependOnLibsWithTags: [],
              allowedExternalImports: ['openapi-fetch', 'node:*'],
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='forwardRef']",
          message: 'forwardRef hides a dependency cycle; restructure the modules instead.',
        },
      ],
    },
  },
  {
    // Build and test configs and workspace tooling share helpers from tools/; none of it ships.
    files: ['**/webpack.config.js', '**/jest.config.js', '**/jest.config.cjs', 'tools/**'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read untyped JSON from real HTTP answers.
    files: ['**/*.spec.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Test doubles and test tooling live behind `testing` entry points and never reach production
    // code; workspace tooling (tools/, which ships nothing) may use them.
    files: ['**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.test.ts',
      '**/testing/**',
      '**/testing.ts',
      'apps/system-e2e/**',
      'tools/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@bff/*/testing', '@bff/*/testing/*'],
              message: 'Test doubles are for tests only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The services never call a BFF through its SDK; only a frontend does: web-bff's storefront
    // (apps/web-bff/storefront, outside src/; `scope:*` keeps it to the web SDK). Repeats the test-doubles
    // ban because a later block's options replace an earlier one's.
    files: ['apps/*/src/**/*.ts'],
    ignores: [
      'apps/mobile-app-client/**',
      '**/*.spec.ts',
      '**/*.test.ts',
      '**/testing/**',
      '**/testing.ts',
      'apps/system-e2e/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@bff/*/testing', '@bff/*/testing/*'],
              message: 'Test doubles are for tests only.',
            },
            {
              group: ['@bff/*-sdk', '@bff/*-sdk/*'],
              message: "A service does not use a BFF's SDK; only its frontend does.",
            },
          ],
        },
      ],
    },
  },
  {
    // The storefront runs in the browser and talks to web-bff only through the web SDK: of the
    // workspace's code it may import nothing else (the server's libs would not run there, and a
    // DTO imported from them would bypass the document the SDK is generated from).
    files: ['apps/web-bff/storefront/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@bff/*', '!@bff/web-sdk'],
              message: 'The storefront uses web-bff through @bff/web-sdk only.',
            },
          ],
        },
      ],
    },
  },
  eslintConfigPrettier,
];
