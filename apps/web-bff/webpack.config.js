const { appWebpackConfig } = require('../../tools/webpack/app-config');

// The storefront's HTML and CSS ride along as assets; its TypeScript is compiled by tsc
// (apps/web-bff/storefront/tsconfig.json) into storefront/assets after webpack, so webpack's
// clean-up keeps those files (in `serve`, tsc --watch writes them while webpack rebuilds).
const config = appWebpackConfig({
  app: 'web-bff',
  assets: [{ input: 'apps/web-bff/storefront/public', glob: '**/*', output: 'storefront' }],
});
config.output.clean = { keep: /^storefront[\\/]assets[\\/].*\.js$/ };

module.exports = config;
