const { projectConfig } = require('../../tools/jest/project-config');

module.exports = projectConfig(__dirname, 'core-api', {
  // One embedded PostgreSQL per test file takes a few seconds to start.
  testTimeout: 30_000,
});
