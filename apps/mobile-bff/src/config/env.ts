import { coreClientEnvShape, requireServiceKeyInProduction } from '@bff/core-client';
import { loadEnv, portVar, serviceEnvSchema } from '@bff/platform-config';
import { z } from 'zod';

export const mobileBffEnvSchema = serviceEnvSchema.extend({
  PORT: portVar(3002),
  ...coreClientEnvShape,
}).superRefine(requireServiceKeyInProduction);

export type MobileBffEnv = z.output<typeof mobileBffEnvSchema>;

export const loadMobileBffEnv = (env: NodeJS.ProcessEnv = process.env): MobileBffEnv => loadEnv(mobileBffEnvSchema, env);
