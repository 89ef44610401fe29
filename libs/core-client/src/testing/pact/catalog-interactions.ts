// The catalog interactions of core-client's operations (public data, read anonymously). Each
// factory takes the arguments a BFF passes, so each BFF's pact records its own queries.
import type { ProductListQueryDto } from '@bff/core-contracts';
import {
  aProduct,
  aProductSummary,
  aRatingSummary,
  aReview,
  anInventory,
} from '../core-api-fixtures';
import { CoreInteraction } from './core-interaction';
import { JSON_TYPE, problem, shapeOf, stringMap } from './shape';

const ok = (body: unknown) => ({ status: 200, headers: { 'Content-Type': JSON_TYPE }, body });
const productBody = () => ({
  ...(shapeOf(aProduct()) as object),
  attributes: stringMap({ colour: 'olive' }),
});
const summaries = (nextCursor: string | null) =>
  shapeOf({ items: [aProductSummary(1)], nextCursor, missing: [] });
const asQuery = (query: object): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

export const getProduct = (id: number): CoreInteraction => ({
  description: `a request for product ${id}`,
  states: [{ name: 'product exists', params: { id } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/products/${id}` },
  response: ok(productBody()),
  call: (client) => client.getProduct(id),
});

export const getMissingProduct = (id: number): CoreInteraction => ({
  description: `a request for product ${id}, which does not exist`,
  states: [{ name: 'product does not exist', params: { id } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/products/${id}` },
  response: problem(404, 'product_not_found', `No product has id ${id}.`),
  call: (client) => client.getProduct(id),
  fails: { status: 404, code: 'product_not_found' },
});

export const getReviews = (productId: number, limit: number): CoreInteraction => ({
  description: `a request for the first ${limit} reviews of product ${productId}`,
  states: [{ name: 'product has more reviews than one page', params: { id: productId, limit } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/products/${productId}/reviews`, query: { limit: `${limit}` } },
  response: ok(shapeOf({ items: [aReview()], nextCursor: 'opaque-cursor' })),
  call: (client) => client.getReviews(productId, { limit }),
});

export const getRatingSummary = (productId: number): CoreInteraction => ({
  description: `a request for the rating summary of product ${productId}`,
  states: [{ name: 'product has reviews', params: { id: productId } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/products/${productId}/reviews/summary` },
  response: ok(shapeOf(aRatingSummary({ '4': 2, '5': 1 }))),
  call: (client) => client.getRatingSummary(productId),
});

export const getInventory = (productId: number): CoreInteraction => ({
  description: `a request for the stock of product ${productId}`,
  states: [{ name: 'product is in stock', params: { id: productId } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/inventory/${productId}` },
  response: ok(shapeOf(anInventory())),
  call: (client) => client.getInventory(productId),
});

export const getRelated = (productId: number, limit: number): CoreInteraction => ({
  description: `a request for ${limit} products related to product ${productId}`,
  states: [{ name: 'product has related products', params: { id: productId } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/products/${productId}/related`, query: { limit: `${limit}` } },
  response: ok(shapeOf({ productId, items: [aProductSummary(2)] })),
  call: (client) => client.getRelated(productId, limit),
});

export const getCategories = (): CoreInteraction => ({
  description: 'a request for the categories',
  states: [{ name: 'categories exist' }],
  onBehalfOf: null,
  request: { method: 'GET', path: '/categories' },
  response: ok(shapeOf({ items: [{ id: 1, slug: 'kitchen', name: 'Kitchen', productCount: 60 }] })),
  call: (client) => client.getCategories(),
});

export const getCategoryFacets = (slug: string): CoreInteraction => ({
  description: `a request for the facets of category ${slug}`,
  states: [{ name: 'category exists', params: { slug } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/categories/${slug}/facets` },
  response: ok(
    shapeOf({
      id: 1,
      slug,
      name: 'Kitchen',
      productCount: 60,
      brands: [{ brand: 'Fjord', count: 7 }],
      priceRange: { min: aProduct().price, max: aProduct().price },
    }),
  ),
  call: (client) => client.getCategoryFacets(slug),
});

export const getMissingCategoryFacets = (slug: string): CoreInteraction => ({
  description: `a request for the facets of category ${slug}, which does not exist`,
  states: [{ name: 'category does not exist', params: { slug } }],
  onBehalfOf: null,
  request: { method: 'GET', path: `/categories/${slug}/facets` },
  response: problem(404, 'category_not_found', `No category has slug "${slug}".`),
  call: (client) => client.getCategoryFacets(slug),
  fails: { status: 404, code: 'category_not_found' },
});

/** A first page of a product listing; `what` says which page of the BFF asks for it. */
export const listProducts = (
  what: string,
  query: Omit<ProductListQueryDto, 'ids' | 'cursor'>,
): CoreInteraction => ({
  description: `a request for ${what}`,
  states: [{ name: 'products match the listing, more than one page', params: asQuery(query) }],
  onBehalfOf: null,
  request: { method: 'GET', path: '/products', query: asQuery(query) },
  response: ok(summaries('opaque-cursor')),
  call: (client) => client.listProducts(query),
});

export const getProducts = (ids: number[]): CoreInteraction => ({
  description: `a request for products ${ids.join(', ')} by id`,
  states: ids.map((id) => ({ name: 'product exists', params: { id } })),
  onBehalfOf: null,
  request: { method: 'GET', path: '/products', query: { ids: ids.join(',') } },
  response: ok(summaries(null)),
  call: (client) => client.getProducts(ids),
});
