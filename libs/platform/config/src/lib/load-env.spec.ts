import { z } from 'zod';
import { ConfigError, loadEnv, secret } from './load-env';
import { httpUrlVar, portVar, serviceEnvSchema } from './env-vars';

const schema = serviceEnvSchema.extend({
  PORT: portVar(3001),
  CORE_API_URL: httpUrlVar('http://127.0.0.1:3000'),
  SIGNING_KEY: secret(z.string().min(32, { error: 'must be at least 32 characters' })).optional(),
});

describe('loadEnv', () => {
  it('applies defaults when variables are unset or empty', () => {
    const env = loadEnv(schema, { PORT: '' });
    expect(env).toEqual({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SHUTDOWN_DRAIN_MS: 0,
      METRICS_ENABLED: true,
      DOCS_ENABLED: true,
      HEALTH_DETAILS: true,
      TRUST_PROXY: false,
      PORT: 3001,
      CORE_API_URL: 'http://127.0.0.1:3000',
    });
  });

  it('coerces and normalises values', () => {
    const env = loadEnv(schema, { PORT: '0', CORE_API_URL: 'https://core.internal:8443/' });
    expect(env.PORT).toBe(0);
    expect(env.CORE_API_URL).toBe('https://core.internal:8443');
  });

  it.each([
    ['true', true],
    ['false', false],
    ['1', 1],
    ['10.0.0.0/8, 192.168.1.7', ['10.0.0.0/8', '192.168.1.7']],
  ])('reads TRUST_PROXY=%s as Fastify expects it', (value, expected) => {
    expect(loadEnv(schema, { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each([
    [
      'TRUST_PROXY',
      'everyone',
      'Invalid environment variable TRUST_PROXY: must be false, true, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs (got "everyone")',
    ],
    [
      'PORT',
      'abc',
      'Invalid environment variable PORT: must be a whole number from 0 to 65535 (got "abc")',
    ],
    [
      'PORT',
      '70000',
      'Invalid environment variable PORT: must be a whole number from 0 to 65535 (got "70000")',
    ],
    [
      'CORE_API_URL',
      'ftp://x',
      'Invalid environment variable CORE_API_URL: must be an absolute http:// or https:// URL (got "ftp://x")',
    ],
    [
      'NODE_ENV',
      'prod',
      'Invalid environment variable NODE_ENV: must be one of development, test, production (got "prod")',
    ],
  ])('rejects %s=%s with one line naming the variable', (name, value, message) => {
    expect(() => loadEnv(schema, { [name]: value })).toThrow(
      new ConfigError(name, message.split(': ').slice(1).join(': ')),
    );
    try {
      loadEnv(schema, { [name]: value });
    } catch (error) {
      expect((error as Error).message).toBe(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('never echoes the value of a secret', () => {
    expect(() => loadEnv(schema, { SIGNING_KEY: 'hunter2' })).toThrow(
      'Invalid environment variable SIGNING_KEY: must be at least 32 characters',
    );
    try {
      loadEnv(schema, { SIGNING_KEY: 'hunter2' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});
