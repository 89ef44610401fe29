import { SessionAuthOptions, sessionOptionsFromEnv } from '@bff/bff-session';
import { WebBffEnv } from '../config/env';

/**
 * web-bff's sign-in and session. Its cookies keep the names the storefront, its SDK and every
 * browser already hold (`__Host-session`, `__Host-login`), not the lib's per-service default.
 */
export const webSessionOptions = (env: WebBffEnv): SessionAuthOptions =>
  sessionOptionsFromEnv(env, {
    service: 'web-bff',
    cookies: { session: '__Host-session', login: '__Host-login' },
    securityDoc: 'docs/web-bff-security.md',
  });
