const { appWebpackConfig } = require('../../tools/webpack/app-config');

// The storefront's HTML and CSS ride along as assets; its TypeScript is type-checked by tsc
// (apps/web-bff/storefront/tsconfig.json) and bundled with the web SDK by esbuild into
// storefront/assets/app.js after webpack, so webpack's clean-up keeps that file (in `serve`,
// esbuild --watch writes it while webpack rebuilds).
const config = appWebpackConfig({
  app: 'web-bff',
  assets: [{ input: 'apps/web-bff/storefront/public', glob: '**/*', output: 'storefront' }],
});
config.output.clean = { keep: /^storefront[\\/]assets[\\/].*\.js$/ };

module.exports = config;
