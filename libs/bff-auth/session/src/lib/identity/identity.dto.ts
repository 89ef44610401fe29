import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CustomerDto } from '@bff/core-contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SERVICE_NAME } from '../openapi-text';

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

/** Signed out here; the page sends the browser on to the provider to end the session there too. */
export class LoggedOutDto extends SignedOutDto {
  @ApiPropertyOptional({
    format: 'uri',
    description:
      "The provider's end-session URL (with `client_id` and `post_logout_redirect_uri`; never a token), for the page to navigate to; absent when there was no session or the provider has none.",
  })
  endSessionUrl?: string;
}

/** Every session of the customer has ended (on every replica). */
export class SignedOutEverywhereDto extends LoggedOutDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'How many sessions were ended, this one included.',
  })
  endedSessions!: number;
}

export class LoginQueryDto {
  @ApiPropertyOptional({
    description:
      'Where to send the browser after signing in: a path on this site (`/orders`), never another origin. Default `/`.',
    example: '/orders',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}

/** One parameter of the authorization response, as the provider may send it. */
const CallbackParam = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: 4096 }),
    IsOptional(),
    IsString(),
    MaxLength(4096),
  );

/**
 * The provider's authorization response (RFC 6749 §4.1.2 and §4.1.2.1, RFC 9207 `iss`, OIDC
 * Session Management `session_state`). openid-client checks them against the login transaction.
 */
export class CallbackQueryDto {
  @CallbackParam('The authorization code.') code?: string;
  @CallbackParam(`The \`state\` ${SERVICE_NAME} sent; must match the login transaction.`)
  state?: string;
  @CallbackParam("The provider's issuer identifier (RFC 9207).") iss?: string;
  @CallbackParam('An error code instead of a code (e.g. `access_denied`).') error?: string;
  @CallbackParam("The provider's description of the error.") error_description?: string;
  @CallbackParam('A page about the error at the provider.') error_uri?: string;
  @CallbackParam('OIDC Session Management state, when the provider sends it.')
  session_state?: string;
}

/** The provider's back-channel logout call (OpenID Connect Back-Channel Logout 1.0 §2.5). */
export class BackchannelLogoutDto {
  @ApiProperty({ description: 'The logout token: a JWT signed by the provider.', maxLength: 8192 })
  @IsString()
  @MaxLength(8192)
  logout_token!: string;
}
