process.env.JEST_RESULTS_NAME = 'core-api';
module.exports = {
  displayName: 'core-api',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // One embedded PostgreSQL per test file takes a few seconds to start.
  testTimeout: 30_000,
};
