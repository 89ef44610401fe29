export * from './lib/demo-customers';
