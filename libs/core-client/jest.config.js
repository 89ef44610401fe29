process.env.JEST_RESULTS_NAME = 'core-client';
module.exports = {
  displayName: 'core-client',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
