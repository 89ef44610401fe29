import { z } from 'zod';
import { csrfEnvShape } from './csrf/csrf.env';
import { oidcEnvShape } from './oidc/oidc.env';
import { sessionTimeoutEnvShape } from './session/session.env';

export { requireOidcInProduction } from './oidc/oidc.env';

/**
 * Every variable of a session BFF's sign-in: `PUBLIC_ORIGINS` (CSRF), `OIDC_*` (the provider and
 * this confidential client), `SESSION_*` (timeouts, cap). Spread into the BFF's env schema, and
 * add `.superRefine(requireOidcInProduction)`.
 */
export const sessionEnvShape = {
  ...csrfEnvShape,
  ...oidcEnvShape,
  ...sessionTimeoutEnvShape,
};

/** What `sessionOptionsFromEnv` reads: the validated shape plus the service's own variables. */
export type SessionEnv = z.output<z.ZodObject<typeof sessionEnvShape>> & {
  NODE_ENV: string;
  PORT: number;
  SERVICE_KEYS_DIR: string;
};
