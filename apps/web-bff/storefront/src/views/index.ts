// The storefront's views, one file each; app.ts routes to them.
export { home } from './home.js';
export { category } from './category.js';
export { product } from './product.js';
export { signIn } from './sign-in.js';
export { cart } from './cart.js';
export { checkout } from './checkout.js';
export { orders, order } from './orders.js';
export { notFound, errorPage } from './problems.js';
export type { Shell } from './shell.js';
