process.env.JEST_RESULTS_NAME = 'mobile-bff';
module.exports = {
  displayName: 'mobile-bff',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
