import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CustomerDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ example: 'Ada' }) displayName!: string;
}

/**
 * Who signed in at the identity provider, as a BFF read it from the provider's token: core-api
 * finds (or creates) the customer linked to this subject. core-api never sees a password.
 */
export class LinkCustomerDto {
  @ApiProperty({
    description:
      "The provider's subject (`sub`): stable, unique at the provider, case-sensitive; printable ASCII without spaces.",
    example: '6f1c2a4e-5b7d-4c19-9a0e-0d3f7b8e2a11',
    minLength: 1,
    maxLength: 255,
    pattern: '^[\\x21-\\x7E]+$',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(/^[\x21-\x7E]+$/, { message: 'subject must be printable ASCII without spaces' })
  subject!: string;

  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({
    description:
      'Whether the provider verified the e-mail address: only then may a customer who has not signed in at the provider before be linked by it.',
    example: true,
  })
  @IsBoolean()
  emailVerified!: boolean;
}
