import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CustomerDto } from '@bff/core-contracts';
import { NotFoundProblem, ProblemException } from '@bff/platform-problem';
import { eq } from 'drizzle-orm';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { customers } from '../database/schema';
import { decoyHash, verifyPassword } from './password';

export class InvalidCredentialsProblem extends ProblemException {
  constructor() {
    // The same answer for an unknown e-mail and a wrong password.
    super(
      HttpStatus.UNAUTHORIZED,
      'invalid_credentials',
      'The e-mail address or the password is wrong.',
    );
  }
}

@Injectable()
export class CustomersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async verifyCredentials(email: string, password: string): Promise<CustomerDto> {
    const [row] = await this.db
      .select()
      .from(customers)
      .where(eq(customers.email, email.trim().toLowerCase()));
    const matches = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
    if (!row || !matches) throw new InvalidCredentialsProblem();
    return toCustomerDto(row);
  }

  async get(id: number): Promise<CustomerDto> {
    const [row] = await this.db.select().from(customers).where(eq(customers.id, id));
    if (!row) throw new NotFoundProblem('customer', id);
    return toCustomerDto(row);
  }
}

function toCustomerDto(row: typeof customers.$inferSelect): CustomerDto {
  return { id: row.id, email: row.email, displayName: row.displayName };
}
