// The storefront's views, one file each; app.ts routes to them.
export { home } from './home.js';
export { category } from './category.js';
export { product } from './product.js';
export { signIn } from './sign-in.js';
export { cart, checkout } from './cart.js';
export { orders, order } from './orders.js';
export type { Shell } from './shell.js';
