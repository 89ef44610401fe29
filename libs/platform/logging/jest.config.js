process.env.JEST_RESULTS_NAME = 'platform-logging';
module.exports = {
  displayName: 'platform-logging',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
