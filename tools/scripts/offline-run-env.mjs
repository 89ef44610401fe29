// The settings a build step runs an app's main.js with — writing its OpenAPI document
// (openapi.mjs), warming the compile cache as the image does (tools/docker/app.Dockerfile's RUN
// line, and the bench's start-up row): development settings, so no secret, database or port is
// needed, and errors only in the log.
export const OFFLINE_RUN_ENV = Object.freeze({
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  PORT: '0',
  PGLITE_DIR: 'memory://',
  DATABASE_URL: '',
  SEED_DEMO_DATA: 'false',
});
