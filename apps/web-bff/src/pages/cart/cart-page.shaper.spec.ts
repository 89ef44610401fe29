import { toShippingEstimates } from './cart-page.shaper';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('toShippingEstimates', () => {
  const quotes = (standardMinor: number) => [
    { method: 'standard' as const, cost: eur(standardMinor), freeFrom: eur(5000) },
    { method: 'express' as const, cost: eur(1495), freeFrom: null },
  ];

  it("adds core-api's cost to the subtotal and says how much more makes standard free", () => {
    expect(toShippingEstimates(eur(3006), quotes(495))).toEqual([
      {
        method: 'standard',
        label: 'Standard',
        cost: { ...eur(495), formatted: '€4.95' },
        total: { ...eur(3501), formatted: '€35.01' },
        freeAfter: { ...eur(1994), formatted: '€19.94' },
      },
      {
        method: 'express',
        label: 'Express',
        cost: { ...eur(1495), formatted: '€14.95' },
        total: { ...eur(4501), formatted: '€45.01' },
        freeAfter: null,
      },
    ]);
  });

  it('says nothing about "free" once core-api prices the method at zero', () => {
    const [standard] = toShippingEstimates(eur(5010), quotes(0));
    expect(standard).toMatchObject({ cost: { amountMinor: 0 }, total: { amountMinor: 5010 } });
    expect(standard?.freeAfter).toBeNull();
  });
});
