// Loaded first by main.ts: tracing must start before the modules it instruments are required.
import { startTracing } from '@bff/platform-tracing';
import { version } from '../package.json';

// core-api's callers are the BFFs (its NetworkPolicy admits no one else): their traceparent is the parent.
export const tracing = startTracing({
  serviceName: 'core-api',
  serviceVersion: version,
  trustInbound: true,
});
