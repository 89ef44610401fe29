// The webpack config every app uses: bundle the app, the workspace libs it imports and the npm
// packages they use into dist/apps/<app>/main.js, keeping external only the few packages that
// cannot be bundled (EXTERNAL_PACKAGES), and generate the package.json (and lockfile) listing
// exactly those — what the app's image installs. One file instead of ~2,800 modules resolved
// through Node's loader is most of a start (docs/startup.md).
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { IgnorePlugin, optimize } = require('webpack');
const { join } = require('node:path');
const {
  EXTERNAL_PACKAGES,
  externalPackageOf,
  isExpectedWarning,
  isMissingOptional,
} = require('./externals');
const { ExternalsPackageJsonPlugin } = require('./externals-package-json-plugin');

/**
 * Nx's rule reads the source maps of every `.js` file it bundles; npm packages' maps point at
 * sources they do not ship (dozens of warnings, a slower build). Their frames stay on their
 * `node_modules/<package>/…` file, which names the package (tools/bench/cpu-budget.mjs).
 */
const mapOwnSourcesOnly = {
  apply(compiler) {
    for (const rule of compiler.options.module.rules)
      if (rule && String(rule.loader).includes('source-map-loader')) rule.exclude = /node_modules/;
  },
};

/**
 * Nx turns webpack's `node` option off, which leaves `import.meta.dirname` as it is in bundled ES
 * modules — and one `import.meta` makes Node load the whole main.js as an ES module, where
 * `require` does not exist. `eval-only` turns it into `__dirname` (and `import.meta.filename` into
 * `__filename`) and leaves `__dirname` itself to be evaluated at run time, as Nx's `false` did.
 */
const nodePathsAtRunTime = {
  apply(compiler) {
    compiler.options.node = { global: false, __dirname: 'eval-only', __filename: 'eval-only' };
  },
};

/**
 * @param {{ app: string, assets?: Array<{ input: string, glob: string, output: string }> }} options
 */
function appWebpackConfig({ app, assets = [] }) {
  const nx = new NxAppWebpackPlugin({
    target: 'node',
    compiler: 'tsc',
    main: './src/main.ts',
    tsConfig: './tsconfig.app.json',
    assets,
    optimization: false,
    outputHashing: 'none',
    // Bundle node_modules; `externals` below keeps EXTERNAL_PACKAGES out.
    externalDependencies: 'none',
    mergeExternals: true,
    // Nx's package.json lists every npm package the project graph sees; ours lists the externals.
    generatePackageJson: false,
    // Type errors are caught by each project's `typecheck` target.
    typeCheck: false,
    sourceMap: true,
  });
  return {
    output: { path: join(__dirname, '..', '..', 'dist', 'apps', app), clean: true },
    devtool: 'source-map',
    ignoreWarnings: [isExpectedWarning],
    externals: [
      ({ request }, callback) => {
        const pkg = externalPackageOf(request);
        return pkg ? callback(null, `commonjs ${request}`) : callback();
      },
    ],
    plugins: [
      nx,
      // Packages that Nest and others require only when the app uses them (microservices,
      // websockets, Express…): not installed here, so the require throws at run time as it did
      // unbundled, and the caller's fallback runs. Installed optional packages are bundled.
      new IgnorePlugin({ checkResource: isMissingOptional }),
      // Dynamic `import()`s of bundled packages stay in main.js: one file to load.
      new optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      mapOwnSourcesOnly,
      nodePathsAtRunTime,
      new ExternalsPackageJsonPlugin({ nx, externals: EXTERNAL_PACKAGES }),
    ],
  };
}

module.exports = { appWebpackConfig };
