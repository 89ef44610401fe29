// Emits dist/apps/<app>/package.json and its pruned lockfile listing exactly the npm packages the
// bundle leaves external (tools/webpack/externals.js) and requires — what the image installs
// with `npm ci --omit=dev`. Nx's own generatePackageJson lists every package the project graph
// sees, most of which are now inside main.js.
const { readFileSync } = require('node:fs');
const { builtinModules } = require('node:module');
const { join } = require('node:path');
const { createPackageJson, generatePrunedDeployOutput } = require('@nx/js');
const { detectPackageManager, serializeJson } = require('@nx/devkit');
const { packageName } = require('./externals');

const NAME = 'ExternalsPackageJsonPlugin';
const builtins = new Set(builtinModules);

/** The npm packages a compilation's external modules name (Node's builtins left out). */
function externalPackages(compilation, ExternalModule) {
  const names = new Set();
  for (const module of compilation.modules) {
    if (!(module instanceof ExternalModule)) continue;
    const request = [module.request].flat()[0];
    const name = packageName(request);
    if (name && !builtins.has(name) && !builtins.has(request)) names.add(name);
  }
  return [...names].sort();
}

class ExternalsPackageJsonPlugin {
  /** @param {{ nx: { options: Record<string, any> }, externals: Record<string, string> }} options */
  constructor({ nx, externals }) {
    this.nx = nx;
    this.externals = externals;
  }

  apply(compiler) {
    const { Compilation, ExternalModule, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const { projectName, projectGraph, root, targetName } = this.nx.options;
          const used = externalPackages(compilation, ExternalModule);
          const unlisted = used.filter((name) => !Object.hasOwn(this.externals, name));
          if (unlisted.length) {
            compilation.errors.push(
              new Error(`${NAME}: external packages not in EXTERNAL_PACKAGES: ${unlisted}`),
            );
            return;
          }
          const packageJson = createPackageJson(projectName, projectGraph, {
            target: targetName,
            root,
            isProduction: true,
            skipPackageManager: true,
          });
          // The installed version: an external may be another package's dependency
          // (swagger-ui-dist is @nestjs/swagger's), which the root package.json does not list.
          packageJson.dependencies = Object.fromEntries(
            used.map((name) => [name, installedVersion(root, name)]),
          );
          delete packageJson.peerDependencies;
          delete packageJson.optionalDependencies;
          packageJson.main = 'main.js';
          generatePrunedDeployOutput(
            packageJson,
            projectGraph,
            projectGraph.nodes[projectName].data.root,
            {
              emit: (path, content) => compilation.emitAsset(path, new sources.RawSource(content)),
              packageManager: detectPackageManager(root),
              workspaceRoot: root,
            },
          );
          compilation.emitAsset('package.json', new sources.RawSource(serializeJson(packageJson)));
        },
      );
    });
  }
}

function installedVersion(root, name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

module.exports = { ExternalsPackageJsonPlugin };
