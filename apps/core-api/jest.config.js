const { projectConfig } = require('../../tools/jest/project-config');

module.exports = projectConfig(__dirname, 'core-api', {
  // One embedded PostgreSQL per test file, migrated and seeded, takes a few seconds to start on a
  // quiet machine and took over 30 s beside two other suites on two cores: an order of magnitude
  // of room, so a busy machine is slow, not failing.
  testTimeout: 120_000,
});
