// Loaded first by main.ts: tracing must start before the modules it instruments are required.
import { startTracing } from '@bff/platform-tracing';
import { version } from '../package.json';

export const tracing = startTracing({ serviceName: 'mobile-bff', serviceVersion: version });
