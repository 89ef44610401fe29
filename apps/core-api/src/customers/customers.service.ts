import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CustomerDto, LinkCustomerDto } from '@bff/core-contracts';
import { NotFoundProblem, ProblemException } from '@bff/platform-problem';
import { eq, or } from 'drizzle-orm';
import { Database, Transaction } from '../database/database';
import { DATABASE } from '../database/database.module';
import { customers } from '../database/schema';

type CustomerRow = typeof customers.$inferSelect;

/** The e-mail address belongs to a customer who signs in as another subject. */
export class EmailTakenProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'email_taken',
      'Another customer signs in with this e-mail address; the identity provider must keep addresses unique.',
    );
  }
}

/** A customer who never signed in at the provider is linked only by a verified address. */
export class EmailNotVerifiedProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'email_not_verified',
      'A customer with this e-mail address exists; it is linked only once the identity provider has verified the address.',
    );
  }
}

@Injectable()
export class CustomersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * The customer who signed in at the identity provider as `subject`: found by subject (e-mail
   * and name follow the provider), else an existing customer linked by a verified e-mail address
   * (one who has not signed in at the provider before), else a new customer. Two first sign-ins
   * at once create one customer: the unique subject decides, the loser reads the winner's row.
   */
  async link(link: LinkCustomerDto): Promise<CustomerDto> {
    const email = link.email.trim().toLowerCase();
    const fields = { email, displayName: link.displayName };
    return this.db.transaction(async (tx) => {
      // One statement, so one snapshot: read in two, a first sign-in racing this one could commit
      // in between, and its row would look like another customer's address (409 email_taken).
      const rows = await tx
        .select()
        .from(customers)
        .where(or(eq(customers.subject, link.subject), eq(customers.email, email)));
      const bySubject = rows.find((row) => row.subject === link.subject);
      const byEmail = rows.find((row) => row.email === email);
      if (byEmail && byEmail.id !== bySubject?.id) {
        if (bySubject || byEmail.subject !== null) throw new EmailTakenProblem();
        if (!link.emailVerified) throw new EmailNotVerifiedProblem();
      }
      const target = bySubject ?? byEmail;
      if (target)
        return toCustomerDto(await update(tx, target, { ...fields, subject: link.subject }));
      const [created] = await tx
        .insert(customers)
        .values({ ...fields, subject: link.subject })
        .onConflictDoNothing()
        .returning();
      if (created) return toCustomerDto(created);
      const [winner] = await tx.select().from(customers).where(eq(customers.subject, link.subject));
      if (!winner) throw new EmailTakenProblem();
      return toCustomerDto(winner);
    });
  }

  async get(id: number): Promise<CustomerDto> {
    const [row] = await this.db.select().from(customers).where(eq(customers.id, id));
    if (!row) throw new NotFoundProblem('customer', id);
    return toCustomerDto(row);
  }
}

async function update(
  tx: Transaction,
  row: CustomerRow,
  fields: { email: string; displayName: string; subject: string },
): Promise<CustomerRow> {
  if (
    row.email === fields.email &&
    row.displayName === fields.displayName &&
    row.subject === fields.subject
  )
    return row;
  const [updated] = await tx
    .update(customers)
    .set(fields)
    .where(eq(customers.id, row.id))
    .returning();
  return updated ?? row;
}

function toCustomerDto(row: CustomerRow): CustomerDto {
  return { id: row.id, email: row.email, displayName: row.displayName };
}
