import { MoneyDto } from '@bff/core-contracts';
import { PriceDto } from './money.dto';

/** core-api's money with the text the storefront shows beside it. */
export function toPrice(money: MoneyDto): PriceDto {
  return { ...money, formatted: formatMoney(money) };
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney({ amountMinor, currency }: MoneyDto): string {
  // Building an Intl.NumberFormat costs far more than using one: keep one per currency.
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-IE', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(amountMinor / 100);
}
