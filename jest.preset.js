// Shared Jest settings. Tests compile with SWC (decorator metadata on, as Nest needs);
// type errors are caught by each project's `typecheck` target, not by Jest.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathsToModuleNameMapper } = require('./tools/jest/paths');

const swcrc = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  testMatch: ['**/?(*.)+(spec|test).ts'],
  // Jest's 5 s default is a short timeout in disguise: starting a Nest app or a real server in a hook
  // takes longer than that on a loaded machine. Tests that check timing set their own limits.
  testTimeout: 60_000,
};

module.exports.reporters = ['default', require.resolve('./tools/jest/results-reporter.js')];
