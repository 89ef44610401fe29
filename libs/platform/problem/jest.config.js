process.env.JEST_RESULTS_NAME = 'platform-problem';
module.exports = {
  displayName: 'platform-problem',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
