import { DEMO_CUSTOMERS } from './demo-customers';

describe('DEMO_CUSTOMERS', () => {
  it('gives every account its own subject and e-mail address', () => {
    expect(new Set(DEMO_CUSTOMERS.map((c) => c.subject)).size).toBe(DEMO_CUSTOMERS.length);
    expect(new Set(DEMO_CUSTOMERS.map((c) => c.email)).size).toBe(DEMO_CUSTOMERS.length);
  });

  it('writes e-mail addresses in lower case, as core-api stores them', () => {
    for (const { email } of DEMO_CUSTOMERS) expect(email).toBe(email.toLowerCase());
  });
});
