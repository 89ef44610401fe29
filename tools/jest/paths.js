// Maps the workspace's TypeScript path aliases (@bff/*) to source files for Jest,
// so tests run against the libraries' source, exactly as the apps' webpack build does.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

function pathsToModuleNameMapper() {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const mapper = {};
  for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    mapper[`^${alias.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}$`] = join(root, target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
