const { appWebpackConfig } = require('../../tools/webpack/app-config');

// The SQL migrations ship next to main.js; core-api applies them at start.
module.exports = appWebpackConfig({
  app: 'core-api',
  assets: [{ input: './migrations', glob: '**/*', output: 'migrations' }],
});
