import { OrderDto } from '@bff/core-contracts';
import { toOrderScreen } from '../../shaping/order.shaper';
import { OrderScreenDto } from './checkout-screen.dto';

/**
 * The order confirmation: the order checkout placed, shaped as the order screen draws it, so the
 * confirmation and the order screen the app opens next can never disagree.
 */
export const toCheckoutScreen = (order: OrderDto): OrderScreenDto => toOrderScreen(order);
