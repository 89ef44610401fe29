import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { VerifyCredentialsDto } from '@bff/core-contracts';
import { REFRESH_TOKEN_PATTERN } from './refresh-token-crypto';

/** What the app's sign-in screen sends: the same credentials core-api checks. */
export class TokenRequestDto extends VerifyCredentialsDto {}

export class RefreshRequestDto {
  @ApiProperty({
    example: 'u1bP7mTq0m3n3yq2bX5cQf8b7f9gS0wYhI4kJv2Lx8A',
    pattern: REFRESH_TOKEN_PATTERN.source,
    description: 'The refresh token from the last token answer.',
  })
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, {
    message: 'refreshToken must be a refresh token issued by this service',
  })
  refreshToken!: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'A JWT for `Authorization: Bearer …` on personal screens.' })
  accessToken!: string;
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';
  @ApiProperty({
    type: 'integer',
    example: 600,
    description: 'Seconds until the access token expires.',
  })
  expiresIn!: number;
  @ApiProperty({
    description:
      'Opaque; works once. Send it to /v1/auth/refresh for the next pair and keep only the newest.',
  })
  refreshToken!: string;
}

/** The answer to sign-out; as RFC 7009 has it, the same whether or not the token was known. */
export class SignedOutDto {
  @ApiProperty({ enum: [true], example: true })
  signedOut!: true;
}
