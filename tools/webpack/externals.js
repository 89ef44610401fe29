// What the app bundles (tools/webpack/app-config.js) leaves to Node: packages that cannot work
// from inside main.js, and optional packages that are not installed.
/**
 * npm packages kept out of the bundle and installed in the image (the generated package.json
 * lists those the app requires). Each needs its own files at run time, or must be the copy
 * another module hooks:
 */
const EXTERNAL_PACKAGES = {
  // PostgreSQL in WebAssembly: loads its .wasm and .data files next to its own code.
  '@electric-sql/pglite': 'reads its wasm and data files from its own folder',
  // Swagger UI's HTML, JS and CSS files, served from the folder this package reports.
  'swagger-ui-dist': 'serves its static files from its own folder',
  // OpenTelemetry's pg instrumentation patches `pg` when Node's `require` loads it; a bundled copy
  // would never be patched and database spans would vanish.
  pg: "OpenTelemetry's pg instrumentation hooks it through require",
  // The hook behind that: it asks Node's `require.resolve` where a required file belongs, which
  // webpack would turn into a lookup that always fails (pg would then never be patched).
  'require-in-the-middle': "needs Node's own require.resolve",
};

/**
 * webpack's "Critical dependency" warnings that are expected: `import(name)` / `require(name)` with
 * a computed name in code paths this workspace never takes — Nest's and Terminus's loaders for
 * optional packages that are not installed (each of Nest's own callers passes a static loader,
 * bundled or ignored below; Terminus's are the TypeORM, Mongoose, Sequelize, MikroORM, gRPC and
 * Axios indicators, which no app uses). Unbundled, those calls would fail the same way.
 */
const EXPECTED_DYNAMIC_REQUESTS =
  /node_modules[\\/]@nestjs[\\/](common[\\/]utils[\\/]load-package\.util|core[\\/]helpers[\\/](load-adapter|optional-require)|terminus[\\/]dist[\\/]utils[\\/]checkPackage\.util)\.js$/;

/** webpack `ignoreWarnings` entry: only EXPECTED_DYNAMIC_REQUESTS' warnings. */
function isExpectedWarning(warning) {
  return (
    /Critical dependency: the request of a dependency is an expression/.test(warning.message) &&
    EXPECTED_DYNAMIC_REQUESTS.test(warning.module?.resource ?? '')
  );
}

/** The package a request names (`pkg`, `pkg/sub`, `@scope/pkg/sub`), or undefined for a path. */
function packageName(request) {
  if (!request || request.startsWith('.') || request.startsWith('/') || request.includes(':'))
    return undefined;
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The external package a request names, or undefined when it is bundled. */
function externalPackageOf(request) {
  const name = packageName(request);
  return name && Object.hasOwn(EXTERNAL_PACKAGES, name) ? name : undefined;
}

/**
 * Optional packages some dependency requires only when it is used (Nest's microservices and
 * websockets, Express, class-transformer's storage…). When one is not installed, webpack leaves
 * the require out (IgnorePlugin) and it throws "Cannot find module" at run time — as it did
 * unbundled — so the caller's own fallback runs. Listed by name so that a misspelt or missing
 * dependency the app really needs still fails the build.
 */
const OPTIONAL_PACKAGES = new Set([
  // @nestjs/core: microservices, websockets and the Express adapter, loaded when an app uses them.
  '@nestjs/microservices',
  '@nestjs/websockets',
  '@nestjs/platform-express',
  // @nestjs/platform-fastify: multipart bodies and view engines, loaded when an app uses them.
  '@fastify/multipart',
  '@fastify/view',
  // @nestjs/mapped-types: `class-transformer/storage`, a path class-transformer 0.5 does not have.
  'class-transformer',
]);

/** True for a request of an OPTIONAL_PACKAGES package that Node cannot resolve from `context`. */
function isMissingOptional(request, context) {
  const name = packageName(request);
  if (!name || !OPTIONAL_PACKAGES.has(name)) return false;
  try {
    require.resolve(request, { paths: [context] });
    return false;
  } catch {
    return true;
  }
}

module.exports = {
  EXTERNAL_PACKAGES,
  externalPackageOf,
  isExpectedWarning,
  isMissingOptional,
  packageName,
};
