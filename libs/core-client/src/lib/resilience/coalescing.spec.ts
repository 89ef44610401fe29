import { aCart, aProduct } from '../../testing/core-api-fixtures';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';

describe('request coalescing (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi({ cache: false });

  beforeEach(() => {
    stub.handler = (req, res) => {
      const body = req.url?.startsWith('/carts')
        ? aCart()
        : req.url?.includes('/reviews')
          ? { items: [], nextCursor: null }
          : aProduct();
      setTimeout(() => json(res, 200, body), 50);
    };
  });

  it('answers 100 concurrent identical GETs with at most 2 downstream calls', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => core.client.getProduct(1)));
    expect(answers.every((a) => a.id === 1)).toBe(true);
    expect(stub.count()).toBeLessThanOrEqual(2);
    expect(stub.count()).toBeGreaterThanOrEqual(1);
  });

  it('does not share calls for different URLs', async () => {
    await Promise.all([
      core.client.getProduct(1),
      core.client.getProduct(2),
      core.client.getReviews(1, { limit: 3 }),
      core.client.getReviews(1, { limit: 5 }),
    ]);
    expect(stub.count()).toBe(4);
  });

  it('does not share a personal call between two customers', async () => {
    await Promise.all([core.client.getCart(1), core.client.getCart(1), core.client.getCart(2)]);
    expect(stub.count()).toBe(2);
  });

  it('never shares writes', async () => {
    await Promise.all([core.client.setCartItem(1, 1, 1), core.client.setCartItem(1, 1, 1)]);
    expect(stub.count()).toBe(2);
  });

  it('starts a fresh call once the shared one has finished', async () => {
    await core.client.getProduct(1);
    await core.client.getProduct(1);
    expect(stub.count()).toBe(2);
  });
});
