const { projectConfig } = require('../../tools/jest/project-config');

module.exports = projectConfig(__dirname, 'core-client', {
  // The fault-injection suites wait on real timeouts and breakers (a few seconds each) and
  // assert on elapsed time: run them one at a time so they do not starve each other of CPU.
  testTimeout: 60_000,
  maxWorkers: 1,
});
