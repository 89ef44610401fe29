process.env.JEST_RESULTS_NAME = 'workspace';
module.exports = {
  displayName: 'workspace',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // ESLint builds the Nx project graph on first use.
  testTimeout: 60_000,
};
