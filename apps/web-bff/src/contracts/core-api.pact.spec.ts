// web-bff's consumer contract with core-api: every interaction its pages' core-client calls make,
// with the arguments the pages pass, recorded into pacts/web-bff-core-api.json (core-api verifies it).
import { corePact as p } from '@bff/core-client/testing';
import { join } from 'node:path';
import { describePactServedByReleasedDocuments } from '@bff/platform-release/testing';
import { CATEGORY_PAGE_SIZE } from '../pages/category/category-page.dto';
import { HOME_CARDS } from '../pages/home/home-page.service';
import { PAGE_RELATED, PAGE_REVIEWS } from '../pages/product/product-page.service';

const ADA = 1;

describe('web-bff → core-api (Pact consumer)', () => {
  p.recordCorePact('web-bff', [
    // Product page (and the product pictures): the product and its four optional parts.
    p.getProduct(1),
    p.getMissingProduct(999_999),
    p.getReviews(1, PAGE_REVIEWS),
    p.getRatingSummary(1),
    p.getInventory(1),
    p.getRelated(1, PAGE_RELATED),
    // Home and category pages.
    p.getCategories(),
    p.listProducts('the newest products for the home page', { sort: 'newest', limit: HOME_CARDS }),
    p.listProducts('the cheapest products for the home page', {
      sort: 'price_asc',
      limit: HOME_CARDS,
    }),
    p.listProducts('a category page filtered by brand and price', {
      category: 'kitchen',
      brand: 'Fjord',
      minPrice: 1000,
      maxPrice: 100_000,
      sort: 'price_asc',
      limit: 2,
    }),
    p.listProducts('a category page', {
      category: 'kitchen',
      sort: 'newest',
      limit: CATEGORY_PAGE_SIZE,
    }),
    p.getCategoryFacets('kitchen'),
    p.getMissingCategoryFacets('no-such-category'),
    // Sign-in, cart (whose lines it completes with the products' pictures), checkout, orders.
    p.linkCustomer({
      subject: 'pact-web-subject-1',
      email: 'pact-web@example.com',
      displayName: 'Pact Web',
      emailVerified: true,
    }),
    p.getCart(ADA),
    p.setCartItem(ADA, 2, 2),
    p.removeCartItem(ADA, 2),
    p.getProducts([1, 2]),
    p.placeOrder(ADA, 'standard'),
    p.replayOrder(ADA, 'web-checkout-replayed-0001'),
    p.placeOrderFromEmptyCart(ADA),
    p.placeOrderShortOfStock(ADA),
    p.listOrders(ADA, 10),
    p.getOrder(ADA),
    p.getMissingOrder(ADA, 999_999),
  ]);
});

// The pact this BFF commits, against core-api's document today and at core-api's last release.
describePactServedByReleasedDocuments(
  'web-bff',
  'core-api',
  join(__dirname, '..', '..', '..', '..'),
);
