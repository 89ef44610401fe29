const { projectConfig } = require('../jest/project-config');

module.exports = projectConfig(__dirname, 'workspace-e2e', {
  // One scenario of steps, each running Nx, builds and services in a copy of the workspace: each
  // step gets far more than it needs on a busy laptop (a build takes ~30 s, the whole run ~12 min).
  testTimeout: 20 * 60_000,
  maxWorkers: 1,
});
