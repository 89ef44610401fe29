import { TestApp } from '../test-app';
import { RequestFilter } from './verify-pact';

/**
 * The pact records an example `Authorization` (an unsigned token naming the calling BFF in `iss`
 * and the customer in `sub`); core-api accepts only tokens signed by a caller it trusts. Before
 * each replayed request this signs a real token for the same caller and customer.
 */
export function serviceTokenFilter(api: TestApp): RequestFilter {
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const payload = header.replace(/^Bearer /, '').split('.')[1] ?? '';
    let claims: { iss?: unknown; sub?: unknown } = {};
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      // No example token: the request goes on as it is and core-api answers it (401).
      return next();
    }
    const customer = /^customer:(\d+)$/.exec(String(claims.sub))?.[1];
    api
      .tokenFrom(String(claims.iss), customer ? Number(customer) : null)
      .then((token) => {
        req.headers.authorization = `Bearer ${token}`;
        next();
      })
      .catch(next);
  };
}
