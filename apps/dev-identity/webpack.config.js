const { appWebpackConfig } = require('../../tools/webpack/app-config');

module.exports = appWebpackConfig({ app: 'dev-identity' });
