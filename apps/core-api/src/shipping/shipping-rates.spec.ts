import fc from 'fast-check';
import { computeOrderTotals } from '../orders/order-totals';
import { FREE_STANDARD_SHIPPING_FROM, SHIPPING_RATES, shippingQuotes } from './shipping-rates';

describe('shipping quotes', () => {
  it('prices every method for the subtotal, in its currency, and says from when it is free', () => {
    expect(
      shippingQuotes({ amountMinor: FREE_STANDARD_SHIPPING_FROM - 1, currency: 'SEK' }),
    ).toEqual([
      {
        method: 'standard',
        cost: { amountMinor: SHIPPING_RATES.standard, currency: 'SEK' },
        freeFrom: { amountMinor: FREE_STANDARD_SHIPPING_FROM, currency: 'SEK' },
      },
      {
        method: 'express',
        cost: { amountMinor: SHIPPING_RATES.express, currency: 'SEK' },
        freeFrom: null,
      },
    ]);
    const [standard] = shippingQuotes({
      amountMinor: FREE_STANDARD_SHIPPING_FROM,
      currency: 'EUR',
    });
    expect(standard?.cost.amountMinor).toBe(0);
  });

  it('quotes for any cart exactly what an order of it is charged (property-based)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 99 }),
        (unitPriceMinor, quantity) => {
          const line = { productId: 1, name: 'x', unitPriceMinor, currency: 'EUR', quantity };
          const quotes = shippingQuotes({
            amountMinor: unitPriceMinor * quantity,
            currency: 'EUR',
          });
          for (const quote of quotes)
            expect(quote.cost.amountMinor).toBe(
              computeOrderTotals([line], quote.method).shippingMinor,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});
