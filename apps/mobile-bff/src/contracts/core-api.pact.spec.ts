// mobile-bff's consumer contract with core-api: every interaction its screens' core-client calls
// make, with the arguments the screens pass, recorded into pacts/mobile-bff-core-api.json (core-api
// verifies it, and its last released version too).
import { corePact as p } from '@bff/core-client/testing';
import { join } from 'node:path';
import { describePactServedByReleasedDocuments } from '@bff/platform-release/testing';
import { HOME_FEATURED } from '../screens/home/home-screen.service';
import { SCREEN_RELATED } from '../screens/product/product-screen.service';
import { SCREEN_REVIEWS } from '../screens/product/product-screen.shaper';

const GRACE = 2;
/** The page size of a list screen when the app does not choose one (`ScreenPageQueryDto`). */
const SCREEN_PAGE = 12;

describe('mobile-bff → core-api (Pact consumer)', () => {
  p.recordCorePact('mobile-bff', [
    // Product screen (and the product pictures): the product and its four optional parts.
    p.getProduct(1),
    p.getMissingProduct(999_999),
    p.getReviews(1, SCREEN_REVIEWS),
    p.getRatingSummary(1),
    p.getInventory(1),
    p.getRelated(1, SCREEN_RELATED),
    // Home, category and search screens.
    p.getCategories(),
    p.listProducts('the newest products for the home screen', {
      sort: 'newest',
      limit: HOME_FEATURED,
    }),
    p.listProducts('a category screen', {
      category: 'kitchen',
      sort: 'newest',
      limit: SCREEN_PAGE,
    }),
    p.listProducts('a search screen', { q: 'steel', limit: SCREEN_PAGE }),
    // Sign-in (the provider's token linked to a customer), cart, checkout and orders.
    p.linkCustomer({
      subject: 'pact-mobile-subject-1',
      email: 'pact-mobile@example.com',
      displayName: 'Pact Mobile',
      emailVerified: true,
    }),
    p.getCart(GRACE),
    p.setCartItem(GRACE, 2, 1),
    p.removeCartItem(GRACE, 2),
    p.placeOrder(GRACE, 'express'),
    p.replayOrder(GRACE, 'mobile-checkout-replayed-0001'),
    p.placeOrderFromEmptyCart(GRACE),
    p.placeOrderShortOfStock(GRACE),
    p.listOrders(GRACE, SCREEN_PAGE),
    p.getOrder(GRACE),
    p.getMissingOrder(GRACE, 999_999),
  ]);
});

// The pact this BFF commits, against core-api's document today and at core-api's last release.
describePactServedByReleasedDocuments(
  'mobile-bff',
  'core-api',
  join(__dirname, '..', '..', '..', '..'),
);
