/** The lines printed once every service answers: where they are, or why it is not working. */
export function banner(settings, coreApi) {
  const [core, web, mobile] = settings.services;
  const url = (s, path = '') => `http://localhost:${s.port}${path}`;
  const row = (s) => `    ${s.name.padEnd(11)} ${url(s).padEnd(24)} docs ${url(s, '/docs')}`;
  const headline = coreApi.ok
    ? '  The storefront is running.'
    : `  The services started, but core-api at ${settings.coreApiUrl} is unreachable (${coreApi.error}).
  The BFFs answer 503 until it answers: check CORE_API_URL, or start core-api there.`;
  return `
${headline}

${row(core)}
${row(web)}
${row(mobile)}

  Open the storefront: ${url(web, '/')}  (sign in as ada@example.com / storefront-demo-ada)
  Or try:
    curl -H 'X-CSRF: 1' ${url(web, '/api/pages/product/1')}
    curl ${url(mobile, '/v1/screens/product/1')}

  Ctrl+C stops all three.
`;
}
