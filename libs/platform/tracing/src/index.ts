export * from './lib/outgoing-trace';
export * from './lib/start-tracing';
export * from './lib/traced-pglite';
export * from './lib/inbound-trace';
export { recordRoute, traceRequests } from './lib/server-spans';
