import { DEV_IDENTITY } from './settings.mjs';

/** The lines printed once every service answers: where they are, or why it is not working. */
export function banner(settings, coreApi) {
  const byName = (name) => settings.services.find((s) => s.name === name);
  const [web, mobile, identity] = ['web-bff', 'mobile-bff', DEV_IDENTITY].map(byName);
  const url = (s, path = '') => `http://localhost:${s.port}${path}`;
  const row = (s) => `    ${s.name.padEnd(12)} ${url(s).padEnd(24)} docs ${url(s, '/docs')}`;
  const rows = settings.services.filter((s) => s !== identity).map(row);
  const providerRow = identity
    ? `    ${identity.name.padEnd(12)} ${settings.oidcIssuer.padEnd(24)} the development OpenID provider`
    : `    identity     ${settings.oidcIssuer} (OIDC_ISSUER)`;
  const headline = coreApi.ok
    ? '  The storefront is running.'
    : `  The services started, but core-api at ${settings.coreApiUrl} is unreachable (${coreApi.error}).
  The BFFs answer 503 until it answers: check CORE_API_URL, or start core-api there.`;
  const signIn = identity
    ? '(sign in at the development provider as ada@example.com / storefront-demo-ada)'
    : '(sign in with an account of your identity provider)';
  // The storefront and the two example requests are web-bff's and mobile-bff's own.
  const tries = [
    ...(web ? [`    curl -H 'X-CSRF: 1' ${url(web, '/api/pages/product/1')}`] : []),
    ...(mobile ? [`    curl ${url(mobile, '/v1/screens/product/1')}`] : []),
  ];
  return `
${headline}

${[...rows, providerRow].join('\n')}
${web ? `\n  Open the storefront: ${url(web, '/')}  ${signIn}` : ''}${tries.length > 0 ? `\n  Or try:\n${tries.join('\n')}` : ''}

  Ctrl+C stops them all.
`;
}
