import { declareBearerChallenge } from '@bff/platform-auth';
import { OpenApiInfo } from '@bff/platform-bootstrap';

export const openApiInfo: OpenApiInfo = {
  title: 'core-api',
  description:
    'The storefront domain service: catalog, reviews, inventory, customers, carts and orders. Called only by the BFFs, ' +
    'never by a browser or an app: every endpoint but health needs a service token (an EdDSA JWT from a known BFF, ' +
    'audience core-api, subject `customer:<id>` or `anonymous`, at most 60 s long). ' +
    'To try it from this page in development, run `npx nx run core-api:dev-token` (add `--customer=1` for ' +
    "Ada's cart and orders) and paste the token under Authorize; it is refused in production.",
  version: '0.1.0',
  security: {
    name: 'service-token',
    description: 'Short-lived EdDSA JWT signed by the calling BFF (see @bff/platform-auth).',
  },
  // What the service-token guard sends with its 401 (service-auth.guard.ts).
  patch: (document) =>
    declareBearerChallenge(document, {
      description:
        'RFC 6750: `Bearer realm="core-api"` when no token was sent; with `error="invalid_token"` and the reason in `error_description` (`expired`, `unknown caller`…) when one was refused.',
      pattern: '^Bearer realm="core-api"',
      example: 'Bearer realm="core-api", error="invalid_token", error_description="expired"',
    }),
};
