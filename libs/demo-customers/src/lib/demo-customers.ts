/** One demo account: the development provider's login and core-api's customer, linked by `subject`. */
export interface DemoCustomer {
  /** The provider's subject (`sub`), stable across restarts: core-api links the customer by it. */
  readonly subject: string;
  readonly email: string;
  readonly displayName: string;
  /** Known only to the development provider's sign-in page; core-api never sees it. */
  readonly password: string;
}

/**
 * The demo accounts listed in the README: the one seed of both the development OpenID provider
 * (apps/dev-identity: who may sign in) and core-api's demo customers (who they are in the shop).
 * Development data only: production accounts live at the team's own provider.
 */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    subject: '6f1c2a4e-5b7d-4c19-9a0e-0d3f7b8e2a11',
    email: 'ada@example.com',
    displayName: 'Ada',
    password: 'storefront-demo-ada',
  },
  {
    subject: '0b9e7d3c-2f4a-4e6b-8c5d-1a2b3c4d5e66',
    email: 'grace@example.com',
    displayName: 'Grace',
    password: 'storefront-demo-grace',
  },
];
