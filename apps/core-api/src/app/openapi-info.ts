import { declareBearerChallenge } from '@bff/platform-auth';
import { OpenApiInfo } from '@bff/platform-bootstrap';
import { NotFoundProblem } from '@bff/platform-problem';
import { CustomerRequiredProblem } from '../auth/identity.decorators';
import { ServiceTokenRequiredProblem } from '../auth/service-auth.guard';
import { IdempotencyKeyReusedProblem } from '../orders/idempotency.service';
import { InsufficientStockProblem } from '../orders/place-order';

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
    description:
      'Short-lived EdDSA JWT signed by the calling BFF (see @bff/platform-auth), checked as RFC8725 ' +
      '(JWT Best Current Practices) advises: EdDSA only (never `none` or an HMAC), with the key registered ' +
      'for its issuer; `iss`, `sub`, `aud` (core-api), `exp` and `iat` required and validated; at most 60 s long.',
  },
  scope: {
    audience: 'internal',
    tags: {
      catalog: 'Categories, their facets and products: the public catalogue.',
      reviews: "Products' reviews and rating summaries.",
      inventory: 'Stock per product and warehouse.',
      customers: "Linking an identity provider's subject to a customer, and the customer.",
      carts: "The signed-in customer's open cart.",
      orders: 'Placing orders (idempotently) and reading them.',
      health: 'Liveness and readiness probes.',
      operations: 'Prometheus metrics.',
    },
  },
  problemExamples: {
    401: new ServiceTokenRequiredProblem(),
    403: new CustomerRequiredProblem(),
    404: new NotFoundProblem('product', 99999),
    409: new InsufficientStockProblem([{ productId: 7, requested: 3, available: 1 }]),
    422: new IdempotencyKeyReusedProblem(),
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
