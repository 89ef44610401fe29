const { projectConfig } = require('../../../tools/jest/project-config');

// The sources import './x.js' (ESM as published); Jest resolves them to the .ts files.
module.exports = projectConfig(__dirname, 'mobile-sdk', {
  moduleNameMapper: {
    ...require('../../../tools/jest/paths').pathsToModuleNameMapper(),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
});
