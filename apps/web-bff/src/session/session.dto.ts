import { ApiProperty } from '@nestjs/swagger';
import { CustomerDto, VerifyCredentialsDto } from '@bff/core-contracts';

/** What the sign-in form sends: the same credentials core-api checks. */
export class SignInDto extends VerifyCredentialsDto {}

/** Who is signed in, as core-api knows the customer. */
export class SessionCustomerDto extends CustomerDto {}

/** The signed-in customer. The session itself is only in the HttpOnly cookie, never in a body. */
export class SessionDto {
  @ApiProperty({
    enum: [true],
    example: true,
    description: 'Always true: there is a live session.',
  })
  signedIn!: true;
  @ApiProperty({ type: SessionCustomerDto }) customer!: SessionCustomerDto;
  @ApiProperty({
    format: 'date-time',
    description: 'When the session ends at the latest, however busy (absolute timeout).',
  })
  expiresAt!: string;
}

/** No live session: none was sent, or it has ended or timed out. */
export class SignedOutDto {
  @ApiProperty({ enum: [false], example: false, description: 'Always false: there is no session.' })
  signedIn!: false;
}
