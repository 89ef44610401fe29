process.env.JEST_RESULTS_NAME = 'core-contracts';
module.exports = {
  displayName: 'core-contracts',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
