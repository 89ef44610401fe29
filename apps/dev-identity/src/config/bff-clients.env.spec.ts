import { ConfigError } from '@bff/platform-config';
import { loadDevIdentityEnv } from './env';

const errorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadDevIdentityEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('SESSION_CLIENTS and BEARER_AUDIENCES', () => {
  it('are optional: no more clients, the mobile audience alone', () => {
    expect(loadDevIdentityEnv({})).toMatchObject({
      sessionClients: [],
      bearerAudiences: ['mobile-bff'],
    });
  });

  it('read clients with their origins (trailing slashes dropped) and extra audiences', () => {
    const env = loadDevIdentityEnv({
      SESSION_CLIENTS:
        'partner-bff=http://127.0.0.1:3005|http://localhost:3005/, tv-bff=https://tv.example',
      BEARER_AUDIENCES: 'partner-bff,mobile-bff, https://api.example/tv',
    });
    expect(env.sessionClients).toEqual([
      { clientId: 'partner-bff', origins: ['http://127.0.0.1:3005', 'http://localhost:3005'] },
      { clientId: 'tv-bff', origins: ['https://tv.example'] },
    ]);
    expect(env.bearerAudiences).toEqual(['mobile-bff', 'partner-bff', 'https://api.example/tv']);
  });

  it.each([
    ['SESSION_CLIENTS', 'partner-bff', '<clientId>=<origin>|<origin>'],
    ['SESSION_CLIENTS', 'partner-bff=', '<clientId>=<origin>|<origin>'],
    ['SESSION_CLIENTS', 'Partner_BFF=http://127.0.0.1:3005', 'lower-case'],
    ['SESSION_CLIENTS', 'partner-bff=ftp://127.0.0.1:3005', 'http:// or https://'],
    ['SESSION_CLIENTS', 'partner-bff=http://127.0.0.1:3005/bff', 'no path'],
    ['SESSION_CLIENTS', 'partner-bff=http://a:1=http://b:2', '<clientId>=<origin>|<origin>'],
    ['SESSION_CLIENTS', 'p=http://a:1,p=http://b:2', 'names the client p twice'],
    ['SESSION_CLIENTS', 'web-bff=http://127.0.0.1:3005', 'WEB_CLIENT_ID or MOBILE_CLIENT_ID'],
    ['BEARER_AUDIENCES', 'partner bff', 'comma-separated list of audiences'],
    ['BEARER_AUDIENCES', 'partner-bff,urn:partner-bff', 'same resource indicator'],
  ])('refuse %s=%s in one line naming the variable', (name, value, reason) => {
    const error = errorOf({ [name]: value });
    expect(error.variable).toBe(name);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(reason);
  });
});
