import { OrderDto } from '@bff/core-contracts';
import { OrderViewDto } from '../../shaping/order.dto';
import { toOrderView } from '../../shaping/order.shaper';

/**
 * What checkout answers: the order it placed, shaped as the order page shows it (the storefront
 * opens that page next), so the confirmation and the page can never disagree.
 */
export function toPlacedOrder(order: OrderDto): OrderViewDto {
  return toOrderView(order);
}
