const { projectConfig } = require('../jest/project-config');

module.exports = projectConfig(__dirname, 'contracts', {
  // Some tests run git and the Pact verifier as child processes.
  testTimeout: 60_000,
});
