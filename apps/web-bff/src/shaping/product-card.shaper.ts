import { ProductSummaryDto } from '@bff/core-contracts';
import { toPrice } from './money.shaper';
import { ProductCardDto } from './product-card.dto';

const CARD_IMAGE_WIDTH = 320;

/** A product as a card links it: price, the first image at least 320 px wide, its page. */
export function toCard(product: ProductSummaryDto): ProductCardDto {
  const image = product.images.find((i) => i.width >= CARD_IMAGE_WIDTH) ?? product.images.at(-1);
  return {
    id: product.id,
    name: product.name,
    brand: product.brand,
    price: toPrice(product.price),
    image: image?.url ?? '',
    href: `/product/${product.id}`,
  };
}
