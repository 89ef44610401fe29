process.env.JEST_RESULTS_NAME = 'platform-health';
module.exports = {
  displayName: 'platform-health',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
