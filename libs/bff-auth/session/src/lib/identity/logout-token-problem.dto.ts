import { ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@bff/platform-problem';

/**
 * The 400 of the back-channel logout: besides the problem, the OAuth-style `error` the provider
 * understands (OpenID Connect Back-Channel Logout 1.0 §2.8) when the logout token is refused;
 * a malformed form is the usual `validation_failed` without it.
 */
export class LogoutTokenProblemDto extends ProblemDetailsDto {
  @ApiPropertyOptional({ enum: ['invalid_request'], example: 'invalid_request' })
  error?: 'invalid_request';
}
