process.env.JEST_RESULTS_NAME = 'system-e2e';
module.exports = {
  displayName: 'system-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // Starting three services (one with an embedded PostgreSQL) takes a few seconds.
  testTimeout: 60_000,
  // The suites start their own processes on free ports; run them one at a time on small machines.
  maxWorkers: 1,
};
