import { coreClientEnvShape, requireServiceKeyInProduction } from '@bff/core-client';
import { loadEnv, portVar, serviceEnvSchema } from '@bff/platform-config';
import { z } from 'zod';

export const webBffEnvSchema = serviceEnvSchema.extend({
  PORT: portVar(3001),
  ...coreClientEnvShape,
}).superRefine(requireServiceKeyInProduction);

export type WebBffEnv = z.output<typeof webBffEnvSchema>;

export const loadWebBffEnv = (env: NodeJS.ProcessEnv = process.env): WebBffEnv => loadEnv(webBffEnvSchema, env);
