import { DEMO_CUSTOMERS } from '@bff/demo-customers';
import { Database, Transaction } from '../database';
import { customers } from '../schema';

/**
 * The demo customers, linked to the development provider's accounts by subject: the same seed
 * (`@bff/demo-customers`) gives the provider its sign-ins, so a demo sign-in finds its customer.
 */
export async function seedDemoCustomers(db: Database | Transaction): Promise<void> {
  const rows = DEMO_CUSTOMERS.map(({ subject, email, displayName }) => ({
    subject,
    email,
    displayName,
  }));
  await db.insert(customers).values(rows).onConflictDoNothing();
}
