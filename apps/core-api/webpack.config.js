const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// Bundles the app and the workspace libs it imports into dist/apps/core-api/main.js; npm
// packages stay external and are listed in the generated package.json (what the image installs).
module.exports = {
  output: { path: join(__dirname, '../../dist/apps/core-api'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      assets: [{ input: './migrations', glob: '**/*', output: 'migrations' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      typeCheck: false,
      sourceMap: true,
    }),
  ],
};
