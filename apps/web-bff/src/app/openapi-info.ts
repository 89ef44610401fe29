import { SessionAuthOptions, sessionOpenApi } from '@bff/bff-session';
import { CORE_API_PROBLEM_EXAMPLES } from '@bff/bff-kit';
import { OpenApiInfo } from '@bff/platform-bootstrap';
import { NotFoundProblem } from '@bff/platform-problem';
import { declareRateLimits } from '@bff/platform-security';
import { CartLineFullProblem } from '../pages/cart/cart-page.service';

/** web-bff's document: its own texts, and the session lib's security scheme, problems and patch. */
export function openApiInfo(options: SessionAuthOptions): OpenApiInfo {
  const session = sessionOpenApi(options);
  return {
    title: 'web-bff',
    description:
      'Backend for the browser storefront: one page-shaped answer per page, built from core-api. Owned by the web team.',
    version: '0.1.0',
    security: session.security,
    scope: {
      audience: 'public',
      tags: {
        identity:
          'Sign-in at the identity provider, the session and signing out (docs/web-bff-security.md).',
        pages: 'One page-shaped answer per storefront page.',
        cart: "Changing the signed-in customer's cart.",
        checkout: 'Placing the order (idempotently).',
        media: 'Product pictures.',
        health: 'Liveness and readiness probes.',
        operations: 'Prometheus metrics.',
      },
    },
    problemExamples: {
      ...session.problemExamples,
      404: new NotFoundProblem('product', 99999),
      409: new CartLineFullProblem(99),
      ...CORE_API_PROBLEM_EXAMPLES,
    },
    patch: (document) => {
      session.patch(document);
      declareRateLimits(document);
    },
  };
}
