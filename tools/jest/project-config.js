// One Jest config per project, from the shared preset. `name` labels the project's totals in
// `npm test` (see results-reporter.js).
const { relative, join } = require('node:path');

const root = join(__dirname, '..', '..');

function projectConfig(dir, name, overrides = {}) {
  process.env.JEST_RESULTS_NAME = name;
  return {
    displayName: name,
    preset: relative(dir, join(root, 'jest.preset.js')),
    rootDir: dir,
    ...overrides,
  };
}

module.exports = { projectConfig };
