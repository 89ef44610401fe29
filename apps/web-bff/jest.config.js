process.env.JEST_RESULTS_NAME = 'web-bff';
module.exports = {
  displayName: 'web-bff',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
