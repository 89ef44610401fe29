// The webpack config every app uses: bundle the app and the workspace libs it imports into
// dist/apps/<app>/main.js, keep npm packages external, and generate the package.json (and lockfile)
// listing exactly the app's production dependencies — what its image installs.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * @param {{ app: string, assets?: Array<{ input: string, glob: string, output: string }> }} options
 */
function appWebpackConfig({ app, assets = [] }) {
  return {
    output: { path: join(__dirname, '..', '..', 'dist', 'apps', app), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        assets,
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        // Type errors are caught by each project's `typecheck` target.
        typeCheck: false,
        sourceMap: true,
      }),
    ],
  };
}

module.exports = { appWebpackConfig };
