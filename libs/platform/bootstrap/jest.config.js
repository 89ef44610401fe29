process.env.JEST_RESULTS_NAME = 'platform-bootstrap';
module.exports = {
  displayName: 'platform-bootstrap',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
