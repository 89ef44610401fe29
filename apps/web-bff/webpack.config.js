const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// Bundles the app and the workspace libs it imports into dist/apps/web-bff/main.js; npm
// packages stay external and are listed in the generated package.json (what the image installs).
module.exports = {
  output: { path: join(__dirname, '../../dist/apps/web-bff'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      typeCheck: false,
      sourceMap: true,
    }),
  ],
};
