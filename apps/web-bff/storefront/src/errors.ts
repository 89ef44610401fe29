// What a shopper reads when something fails: plain words chosen here, never the API's technical
// detail (which may name core-api operations or request fields).
import { ApiError } from './api.js';

/** The most of one product a cart line may hold (web-bff's CartQuantityDto). */
export const MAX_QUANTITY = 99;

const BY_CODE: Record<string, string> = {
  cart_empty: 'Your cart is empty, so there is nothing to order.',
  insufficient_stock:
    'Some items are not in stock in the quantity you chose. Nothing was ordered: please check your cart.',
  request_in_flight: 'Your order is still being placed. Please wait a moment.',
  idempotency_key_reused: 'Your order changed while it was being placed. Please try again.',
  session_required: 'Please sign in to continue.',
  sign_in_limited: 'Too many tries to sign in. Please wait a few minutes and try again.',
};

export function explain(error: unknown): string {
  if (!(error instanceof ApiError))
    return 'The shop cannot be reached. Check your connection and try again.';
  const { status, code } = error.problem;
  if (code === 'cart_line_full')
    return `Your cart can hold at most ${MAX_QUANTITY} of one product.`;
  if (code && BY_CODE[code]) return BY_CODE[code];
  if (status === 400)
    return error.problem.errors?.some((e) => e.field === 'quantity')
      ? `Please choose a quantity from 1 to ${MAX_QUANTITY}.`
      : 'Something you entered was not accepted. Please check it and try again.';
  if (status === 401) return 'Please sign in to continue.';
  if (status === 403) return 'Your request was refused. Please reload the page and try again.';
  if (status === 404) return 'We could not find that: it may have been removed.';
  if (status === 409 || status === 422)
    return 'That could not be done as things stand. Please check your cart and try again.';
  if (status === 429)
    return 'That was a lot of requests at once. Please wait a moment and try again.';
  return 'The shop is not answering right now. Please try again in a moment.';
}
