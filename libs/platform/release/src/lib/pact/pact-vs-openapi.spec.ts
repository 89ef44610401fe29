// Each BFF's pact against core-api's OpenAPI document: today's, the one at core-api's last
// release, and copies with a planted break (each named with the consumer, the interaction and
// the change) or an additive change (which passes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileAt, lastReleaseRef } from '../release-ref';
import { PactDocument, PactVsOpenApi } from './pact-vs-openapi';

const ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');
const DOC = 'openapi/core-api.json';
type Json = Record<string, any>;
const today = (): Json => JSON.parse(readFileSync(join(ROOT, DOC), 'utf8')) as Json;
const pactOf = (bff: string) =>
  JSON.parse(readFileSync(join(ROOT, 'pacts', `${bff}-core-api.json`), 'utf8')) as PactDocument;
/** A copy of today's document with `edit` applied. */
const changed = (edit: (doc: Json) => void) => {
  const doc = today();
  edit(doc);
  return new PactVsOpenApi(doc);
};
const REVIEWS_OF = { 'web-bff': 5, 'mobile-bff': 3 };

describe.each(['web-bff', 'mobile-bff'] as const)(
  '%s’s pact against core-api’s document',
  (bff) => {
    const pact = pactOf(bff);

    it('is served by today’s document', () => {
      expect(new PactVsOpenApi(today()).check(pact)).toEqual([]);
    });

    it('is served by the document at core-api’s last release', () => {
      const release = lastReleaseRef('core-api', ROOT);
      const text = fileAt(release.ref, DOC, ROOT);
      if (!text) throw new Error(`${DOC} is missing at ${release.ref}`);
      expect(new PactVsOpenApi(JSON.parse(text) as Json).check(pact)).toEqual([]);
    });

    it('names a removed response field', () => {
      const check = changed((doc) => {
        const product = doc['components']['schemas']['ProductDto'];
        delete product.properties.name;
        product.required = product.required.filter((n: string) => n !== 'name');
      });
      expect(check.check(pact)).toEqual([
        `${bff}: "a request for product 1" — GET /products/{id} 200 answer: /name is not declared`,
      ]);
    });

    it('names a renamed query parameter', () => {
      const check = changed((doc) => {
        const limit = doc['paths']['/products/{id}/reviews'].get.parameters.find(
          (p: Json) => p['name'] === 'limit',
        );
        limit.name = 'pageSize';
      });
      const reviews = `a request for the first ${REVIEWS_OF[bff]} reviews of product 1`;
      expect(check.check(pact)).toEqual([
        `${bff}: "${reviews}" — GET /products/{id}/reviews does not declare query parameter "limit"`,
      ]);
    });

    it('names a new required body field', () => {
      const check = changed((doc) => {
        const link = doc['components']['schemas']['LinkCustomerDto'];
        link.properties.locale = { type: 'string' };
        link.required.push('locale');
      });
      expect(check.check(pact)).toEqual([
        `${bff}: "a sign-in linking the provider’s subject to a customer" — POST /customers/link request body: /locale is required but not sent`,
      ]);
    });

    it('names a removed status and a changed type', () => {
      const check = changed((doc) => {
        delete doc['paths']['/orders'].post.responses['409'];
        doc['components']['schemas']['InventoryDto'].properties.total = { type: 'string' };
      });
      expect(check.check(pact).sort()).toEqual(
        [
          `${bff}: "a request for the stock of product 1" — GET /inventory/{productId} 200 answer: /total must be string`,
          `${bff}: "customer ${bff === 'web-bff' ? 1 : 2} placing an order for more than is in stock" — POST /orders does not declare status 409`,
          `${bff}: "customer ${bff === 'web-bff' ? 1 : 2} placing an order with an empty cart" — POST /orders does not declare status 409`,
        ].sort(),
      );
    });

    it('passes additive changes: a new answer member, optional parameter and body member, operation', () => {
      const check = changed((doc) => {
        doc['components']['schemas']['ProductDto'].properties.rating = { type: 'number' };
        doc['components']['schemas']['LinkCustomerDto'].properties.locale = { type: 'string' };
        doc['paths']['/products/{id}/reviews'].get.parameters.push({
          name: 'language',
          in: 'query',
          required: false,
          schema: { type: 'string' },
        });
        doc['paths']['/wishlists/me'] = { get: { responses: { 200: { description: 'new' } } } };
      });
      expect(check.check(pact)).toEqual([]);
    });
  },
);
