import fc from 'fast-check';
import { FREE_STANDARD_SHIPPING_FROM, SHIPPING_RATES } from '../shipping/shipping-rates';
import { computeOrderTotals, OrderNotPriceableProblem, PricedLine } from './order-totals';

const line = (currency = 'EUR') =>
  fc.record({
    productId: fc.integer({ min: 1, max: 500 }),
    name: fc.string({ minLength: 1, maxLength: 20 }),
    unitPriceMinor: fc.integer({ min: 1, max: 500_000 }),
    currency: fc.constant(currency),
    quantity: fc.integer({ min: 1, max: 99 }),
  });
const shipping = fc.constantFrom('standard' as const, 'express' as const);

describe('order totals (property-based)', () => {
  it('total = Σ unit price × quantity + shipping, all whole minor units', () => {
    fc.assert(
      fc.property(fc.array(line(), { minLength: 1, maxLength: 30 }), shipping, (lines, method) => {
        const totals = computeOrderTotals(lines, method);
        const subtotal = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
        expect(totals.subtotalMinor).toBe(subtotal);
        expect(totals.lines.map((l) => l.lineTotalMinor)).toEqual(
          lines.map((l) => l.unitPriceMinor * l.quantity),
        );
        expect(totals.totalMinor).toBe(totals.subtotalMinor + totals.shippingMinor);
        for (const value of [totals.subtotalMinor, totals.shippingMinor, totals.totalMinor])
          expect(Number.isSafeInteger(value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('standard shipping is free from €50, express always costs its rate', () => {
    fc.assert(
      fc.property(fc.array(line(), { minLength: 1, maxLength: 10 }), shipping, (lines, method) => {
        const totals = computeOrderTotals(lines, method);
        const expected =
          method === 'express'
            ? SHIPPING_RATES.express
            : totals.subtotalMinor >= FREE_STANDARD_SHIPPING_FROM
              ? 0
              : SHIPPING_RATES.standard;
        expect(totals.shippingMinor).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(fc.array(line(), { minLength: 1, maxLength: 10 }), shipping, (lines, method) => {
        const reversed = [...lines].reverse();
        expect(computeOrderTotals(reversed, method).totalMinor).toBe(
          computeOrderTotals(lines, method).totalMinor,
        );
      }),
    );
  });

  it('refuses mixed currencies and totals beyond what the database can hold', () => {
    const eur: PricedLine = {
      productId: 1,
      name: 'a',
      unitPriceMinor: 100,
      currency: 'EUR',
      quantity: 1,
    };
    expect(() =>
      computeOrderTotals([eur, { ...eur, productId: 2, currency: 'USD' }], 'standard'),
    ).toThrow(OrderNotPriceableProblem);
    expect(() =>
      computeOrderTotals([{ ...eur, unitPriceMinor: 30_000_000, quantity: 99 }], 'standard'),
    ).toThrow(/larger than an order may be/);
  });
});
