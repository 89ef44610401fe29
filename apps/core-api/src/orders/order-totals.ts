import { HttpStatus } from '@nestjs/common';
import { ShippingMethod } from '@bff/core-contracts';
import { ProblemException } from '@bff/platform-problem';

import { shippingCostMinor } from '../shipping/shipping-rates';

/** The largest total an order may have: it must fit the database's 32-bit integer columns. */
export const MAX_ORDER_TOTAL = 2_147_483_647;

export interface PricedLine {
  productId: number;
  name: string;
  unitPriceMinor: number;
  currency: string;
  quantity: number;
}

export interface OrderTotals {
  currency: string;
  lines: (PricedLine & { lineTotalMinor: number })[];
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
}

export class OrderNotPriceableProblem extends ProblemException {
  constructor(code: string, detail: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
  }
}

/**
 * The server-side price of an order, in integer minor units: each line is unit price × quantity,
 * the subtotal their sum, shipping by the one shipping rule (shipping-rates.ts), total = subtotal + shipping.
 * Pure, so it is tested exhaustively with generated orders.
 */
export function computeOrderTotals(lines: PricedLine[], shipping: ShippingMethod): OrderTotals {
  const currencies = new Set(lines.map((line) => line.currency));
  if (currencies.size > 1)
    throw new OrderNotPriceableProblem(
      'mixed_currencies',
      'The cart holds products priced in different currencies.',
    );
  const priced = lines.map((line) => ({
    ...line,
    lineTotalMinor: line.unitPriceMinor * line.quantity,
  }));
  const subtotalMinor = priced.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const shippingMinor = shippingCostMinor(shipping, subtotalMinor);
  const totalMinor = subtotalMinor + shippingMinor;
  if (!Number.isSafeInteger(totalMinor) || totalMinor > MAX_ORDER_TOTAL) {
    throw new OrderNotPriceableProblem(
      'order_too_large',
      'The order total is larger than an order may be.',
    );
  }
  return {
    currency: [...currencies][0] ?? 'EUR',
    lines: priced,
    subtotalMinor,
    shippingMinor,
    totalMinor,
  };
}
