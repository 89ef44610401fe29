import { ProductSummaryDto } from '@bff/core-contracts';
import { ScreenCardDto } from './card.dto';
import { CARD_CSS_WIDTH, pickImage } from './image.shaper';

/** A product as every list screen draws its card: price in minor units, a thumbnail for `dpr`. */
export const toCard = (item: ProductSummaryDto, dpr?: number): ScreenCardDto => ({
  id: item.id,
  name: item.name,
  price: item.price.amountMinor,
  currency: item.price.currency,
  image: pickImage(item.images, CARD_CSS_WIDTH, dpr),
});
