import { Database, Transaction } from '../database';
import { customers } from '../schema';
import { hashPassword } from '../../customers/password';

/** The demo accounts listed in the README. Development data only. */
export const DEMO_CUSTOMERS = [
  { email: 'ada@example.com', displayName: 'Ada', password: 'storefront-demo-ada' },
  { email: 'grace@example.com', displayName: 'Grace', password: 'storefront-demo-grace' },
] as const;

export async function seedDemoCustomers(db: Database | Transaction): Promise<void> {
  const rows = await Promise.all(
    DEMO_CUSTOMERS.map(async ({ email, displayName, password }) => ({
      email,
      displayName,
      passwordHash: await hashPassword(password),
    })),
  );
  await db.insert(customers).values(rows).onConflictDoNothing();
}
