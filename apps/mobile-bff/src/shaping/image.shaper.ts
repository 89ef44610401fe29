import { ProductImageDto } from '@bff/core-contracts';

/** The pixel ratio images are chosen for when the app does not say (`dpr`). */
export const DEFAULT_DPR = 2;

/** Layout widths in CSS pixels: the product image spans a phone's width, a card's is small. */
export const HERO_CSS_WIDTH = 320;
export const CARD_CSS_WIDTH = 80;

/** The narrowest image at least `cssWidth × dpr` pixels wide, or the widest there is. */
export function pickImage(images: ProductImageDto[], cssWidth: number, dpr = DEFAULT_DPR): string {
  const needed = Math.ceil(cssWidth * dpr);
  const sorted = [...images].sort((a, b) => a.width - b.width);
  return (sorted.find((image) => image.width >= needed) ?? sorted.at(-1))?.url ?? '';
}
