import type { OpenAPIObject } from '@nestjs/swagger';
import { bearerProblemExamples, bearerSecurity, declareBearerAuth } from './bearer-auth.openapi';
import { BearerAuthOptions } from './bearer-options';

const OPTIONS: BearerAuthOptions = {
  service: 'partner-bff',
  issuer: 'https://idp.example.com/realms/shop',
  audience: 'api://partners',
  algorithms: ['RS256', 'ES256'],
  jwksCooldownMs: 30_000,
};

/** One personal GET (401, 403, 503) and one public GET, as Nest writes them. */
const aDocument = (): OpenAPIObject => ({
  openapi: '3.1.0',
  info: { title: 'partner-bff', version: '0.0.0' },
  paths: {
    '/me': {
      get: {
        responses: {
          '200': { description: 'ok' },
          '401': { description: 'x' },
          '403': { description: 'x' },
          '503': { description: 'x' },
        },
      },
    },
    '/catalog': { get: { responses: { '200': { description: 'ok' } } } },
  },
});

describe("the bearer BFF's OpenAPI document", () => {
  it('declares the challenge naming the BFF on every 401, and explains 403 and 503', () => {
    const document = aDocument();
    declareBearerAuth(document, OPTIONS);
    const me = document.paths['/me']?.get?.responses ?? {};
    expect(me['401']).toMatchObject({
      description: expect.stringContaining('`invalid_token`'),
      headers: {
        'WWW-Authenticate': {
          required: true,
          schema: {
            pattern: '^Bearer realm="partner-bff", error="invalid_token"$',
            example: 'Bearer realm="partner-bff", error="invalid_token"',
          },
        },
      },
    });
    expect(me['403']).toMatchObject({
      description: expect.stringContaining('access tokens for partner-bff'),
    });
    expect(me['503']).toMatchObject({
      description: expect.stringContaining('identity_provider_unavailable'),
    });
    expect(document.paths['/catalog']?.get?.responses).toEqual({ '200': { description: 'ok' } });
  });

  it('escapes what a service name could bring into the challenge pattern', () => {
    const document = aDocument();
    declareBearerAuth(document, { service: 'tv.bff+1' });
    const header = document.paths['/me']?.get?.responses['401'] as {
      headers: Record<string, { schema: { pattern: string } }>;
    };
    const pattern = new RegExp(header.headers['WWW-Authenticate']?.schema.pattern ?? '');
    expect(pattern.test('Bearer realm="tv.bff+1", error="invalid_token"')).toBe(true);
    expect(pattern.test('Bearer realm="tvXbfff1", error="invalid_token"')).toBe(false);
  });

  it('describes the token the BFF accepts, from the options it runs with', () => {
    const { name, description } = bearerSecurity(OPTIONS);
    expect(name).toBe('provider-access-token');
    expect(description).toContain(
      "signed by a key of the provider's JWKS (https://idp.example.com/realms/shop/.well-known/openid-configuration) with RS256, ES256",
    );
    expect(description).toContain('`aud` contains api://partners');
    expect(description).toContain('partner-bff issues no tokens');
    expect(bearerSecurity(OPTIONS, 'which the TV gets by the device flow').description).toContain(
      "The identity provider's access token (a JWT), which the TV gets by the device flow. partner-bff accepts it",
    );
  });

  it('gives the 401 and 403 examples, the 403 naming the BFF', () => {
    const examples = bearerProblemExamples(OPTIONS);
    expect(examples[401].getStatus()).toBe(401);
    expect(examples[403].getStatus()).toBe(403);
    expect(JSON.stringify(examples[403].getResponse())).toContain('issues for partner-bff.');
  });
});
