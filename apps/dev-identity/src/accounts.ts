import { DEMO_CUSTOMERS, type DemoCustomer } from '@bff/demo-customers';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The claims the provider can state about an account (scopes `openid`, `email`, `profile`). */
export type AccountClaims = {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
};

const bySubject = new Map(DEMO_CUSTOMERS.map((customer) => [customer.subject, customer]));
const byEmail = new Map(DEMO_CUSTOMERS.map((customer) => [customer.email.toLowerCase(), customer]));

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The demo account with this e-mail and password, or undefined. The password is always compared
 * (against a dummy when the e-mail is unknown), in constant time, so the answer's timing does not
 * say which e-mails exist.
 */
export function authenticate(email: string, password: string): DemoCustomer | undefined {
  const customer = byEmail.get(email.trim().toLowerCase());
  const expected = digest(customer?.password ?? '\u0000no account\u0000');
  const matches = timingSafeEqual(expected, digest(password));
  return customer && matches ? customer : undefined;
}

export function claimsOf(subject: string): AccountClaims | undefined {
  const customer = bySubject.get(subject);
  if (!customer) return undefined;
  return {
    sub: customer.subject,
    email: customer.email,
    // Demo accounts are seeded, not self-registered: their addresses count as verified.
    email_verified: true,
    name: customer.displayName,
  };
}
