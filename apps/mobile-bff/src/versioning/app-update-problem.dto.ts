import { ApiProperty } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@bff/platform-problem';

/** 426 `app_update_required` for an app below MIN_APP_VERSION (`X-App-Version`). */
export class AppUpdateRequiredProblemDto extends ProblemDetailsDto {
  @ApiProperty({
    example: '1.2.0',
    maxLength: 32,
    description: 'The oldest app version this service still serves.',
  })
  minimumVersion!: string;
}

/** 426 `app_update_required` from a removed password route: sign in at the provider instead. */
export class PasswordSignInRemovedProblemDto extends ProblemDetailsDto {
  @ApiProperty({ enum: ['password_sign_in_removed'], example: 'password_sign_in_removed' })
  reason!: 'password_sign_in_removed';

  @ApiProperty({
    example: 'https://idp.example.com/realms/shop',
    maxLength: 2048,
    description: 'The identity provider (its issuer URL) the updated app signs in at.',
  })
  signInAt!: string;
}
