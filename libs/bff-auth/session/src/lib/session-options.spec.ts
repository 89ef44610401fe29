import { ConfigError, loadEnv, portVar, serviceEnvSchema } from '@bff/platform-config';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { nameTheBff, SERVICE_NAME } from './openapi-text';
import { requireOidcInProduction, sessionEnvShape } from './session-env';
import { sessionOptionsFromEnv } from './session-options';

/** A session BFF's schema as the lib's README writes it. */
const schema = serviceEnvSchema
  .extend({
    PORT: portVar(3005),
    SERVICE_KEYS_DIR: z.string().default('.data/service-keys'),
    ...sessionEnvShape,
  })
  .superRefine(requireOidcInProduction);
const load = (env: Record<string, string>) => loadEnv(schema, env);

describe('sessionOptionsFromEnv: nothing of one BFF is built in', () => {
  const keys = mkdtempSync(join(tmpdir(), 'bff-session-options-'));
  const development = { NODE_ENV: 'test', SERVICE_KEYS_DIR: keys };

  it("defaults the client id, the cookies and the development secret to the service's name", () => {
    const options = sessionOptionsFromEnv(load(development), { service: 'partner-bff' });
    expect(options.oidc).toMatchObject({
      clientId: 'partner-bff',
      redirectUri: 'http://127.0.0.1:3005/bff/callback',
      postLogoutRedirectUri: 'http://127.0.0.1:3005/',
    });
    // The shared development secret the provider registers for that client id.
    expect(options.oidc.clientSecret).toBe(
      readFileSync(join(keys, 'partner-bff.oidc-client-secret'), 'utf8').trim(),
    );
    expect(options.cookies).toEqual({
      session: '__Host-partner-bff-session',
      login: '__Host-partner-bff-login',
    });
    expect(options.session).toEqual({
      idleMs: 30 * 60_000,
      absoluteMs: 12 * 3_600_000,
      maxPerCustomer: 10,
    });
  });

  it('reads the development secret of OIDC_CLIENT_ID when it names another client', () => {
    const options = sessionOptionsFromEnv(load({ ...development, OIDC_CLIENT_ID: 'tv-app' }), {
      service: 'tv-bff',
    });
    expect(options.oidc.clientId).toBe('tv-app');
    expect(options.oidc.clientSecret).toBe(
      readFileSync(join(keys, 'tv-app.oidc-client-secret'), 'utf8').trim(),
    );
  });

  it('takes the cookie names and the CSRF page it is given', () => {
    const options = sessionOptionsFromEnv(
      load({ ...development, PUBLIC_ORIGINS: 'https://partners.example' }),
      {
        service: 'partner-bff',
        cookies: { session: '__Host-s', login: '__Host-l' },
        securityDoc: 'docs/partner.md',
      },
    );
    expect(options.cookies).toEqual({ session: '__Host-s', login: '__Host-l' });
    expect(options.csrf).toEqual({
      publicOrigins: ['https://partners.example'],
      securityDoc: 'docs/partner.md',
    });
  });

  it('refuses a production start without the OIDC client, in one line naming the variable', () => {
    let error: unknown;
    try {
      load({ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('OIDC_CLIENT_ID');
    expect((error as ConfigError).message).not.toContain('\n');
  });
});

describe('nameTheBff', () => {
  it("puts the BFF's name and cookie names in every string of the document", () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/bff/callback': {
          get: {
            description: `The \`state\` ${SERVICE_NAME} sent`,
            tags: ['`__Host-session=x`', '`__Host-login=; Max-Age=0`'],
          },
        },
      },
    };
    nameTheBff(document as never, 'partner-bff', {
      session: '__Host-partner-bff-session',
      login: '__Host-partner-bff-login',
    });
    expect(document.paths['/bff/callback'].get).toEqual({
      description: 'The `state` partner-bff sent',
      tags: ['`__Host-partner-bff-session=x`', '`__Host-partner-bff-login=; Max-Age=0`'],
    });
  });
});
