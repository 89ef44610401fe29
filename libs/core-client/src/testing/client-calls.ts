// One call of each CoreApiClient method against the fake core-api (freshly reset), for the
// fake's own specs: keyed by `Operation`, so a method without a call here does not compile.
import { CoreApiClient } from '../lib/core-api.client';
import { Operation } from '../lib/operations';
import { FakeCoreApi } from './fake-core-api';
import { ADA, ADA_SIGNED_IN } from './fake-shop';

const ada = ADA.customer.id;

export const CLIENT_CALLS: Record<
  Operation,
  (client: CoreApiClient, fake: FakeCoreApi) => Promise<unknown>
> = {
  getProduct: (c) => c.getProduct(1),
  listProducts: (c) => c.listProducts({ category: 'kitchen', sort: 'price_asc', limit: 5 }),
  getProducts: (c) => c.getProducts([1, 2, 999]),
  getCategories: (c) => c.getCategories(),
  getReviews: (c) => c.getReviews(1, { limit: 2 }),
  getRatingSummary: (c) => c.getRatingSummary(1),
  getRatingSummaries: (c) => c.getRatingSummaries([1, 2]),
  getRelated: (c) => c.getRelated(1, 3),
  getInventory: (c) => c.getInventory(1),
  getInventories: (c) => c.getInventories([1, 2]),
  getCategoryFacets: (c) => c.getCategoryFacets('kitchen'),
  linkCustomer: (c) => c.linkCustomer(ADA_SIGNED_IN),
  getCustomer: (c) => c.getCustomer(ada),
  getCart: (c) => c.getCart(ada),
  setCartItem: (c) => c.setCartItem(ada, 2, 3),
  removeCartItem: (c) => c.removeCartItem(ada, 2),
  placeOrder: async (c, fake) => {
    fake.shop.setItem(ada, 1, 1);
    return c.placeOrder(ada, 'key-1');
  },
  listOrders: async (c, fake) => {
    fake.shop.setItem(ada, 1, 1);
    fake.shop.placeOrder(ada, 'key-1');
    return c.listOrders(ada);
  },
  getOrder: async (c, fake) => {
    fake.shop.setItem(ada, 1, 1);
    return c.getOrder(ada, fake.shop.placeOrder(ada, 'key-1').id);
  },
};
