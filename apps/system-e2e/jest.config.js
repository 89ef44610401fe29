const { projectConfig } = require('../../tools/jest/project-config');

module.exports = projectConfig(__dirname, 'system-e2e', {
  // Starting three services (one with an embedded PostgreSQL) takes a few seconds.
  testTimeout: 60_000,
  // The suites start their own processes on free ports; run them one at a time on small machines.
  maxWorkers: 1,
});
