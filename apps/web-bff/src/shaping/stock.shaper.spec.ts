import { LOW_STOCK, stockLabel } from './stock.shaper';

describe('stockLabel (the product page and the cart page say the same)', () => {
  it.each([
    [0, 'Sold out'],
    [1, 'Only 1 left'],
    [LOW_STOCK, `Only ${LOW_STOCK} left`],
    [LOW_STOCK + 1, 'In stock'],
    [44, 'In stock'],
  ])('labels %i units as %s', (available, label) => {
    expect(stockLabel(available)).toBe(label);
  });
});
