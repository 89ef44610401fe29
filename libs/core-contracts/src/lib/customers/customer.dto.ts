import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class CustomerDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ example: 'Ada' }) displayName!: string;
}

/** Credentials a BFF checks on behalf of a signing-in user. */
export class VerifyCredentialsDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    // The seeded demo account's password (README, "Demo accounts"), so "Try it out" signs in.
    example: 'storefront-demo-ada',
    description: 'In the demo data, ada@example.com signs in with storefront-demo-ada.',
    minLength: 1,
    maxLength: 200,
    format: 'password',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class VerifiedCustomerDto {
  @ApiProperty({ type: CustomerDto }) customer!: CustomerDto;
}
