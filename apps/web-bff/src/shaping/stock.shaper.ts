/** At or below this many units a page says "Only N left". */
export const LOW_STOCK = 5;

/** What the product and cart pages say about `available` units: `In stock`, `Only N left` or `Sold out`. */
export function stockLabel(available: number): string {
  if (available === 0) return 'Sold out';
  return available <= LOW_STOCK ? `Only ${available} left` : 'In stock';
}
