const { projectConfig } = require('../../tools/jest/project-config');

module.exports = projectConfig(__dirname, 'system-e2e', {
  // Starting three services (one with an embedded PostgreSQL) takes a few seconds, and far longer
  // on a loaded machine: hooks and tests get room for the services' own start timeout (180 s).
  testTimeout: 300_000,
  // The suites start their own processes on free ports; run them one at a time on small machines.
  maxWorkers: 1,
});
