const { projectConfig } = require('../jest/project-config');

module.exports = projectConfig(__dirname, 'workspace', {
  // ESLint builds the Nx project graph on first use.
  testTimeout: 60_000,
});
