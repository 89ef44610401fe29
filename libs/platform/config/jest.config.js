process.env.JEST_RESULTS_NAME = 'platform-config';
module.exports = {
  displayName: 'platform-config',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
