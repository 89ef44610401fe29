import { Body, Controller, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FormBody } from '@bff/platform-bootstrap';
import { ApiProblems } from '@bff/platform-problem';
import { EmptyQueryDto } from '@bff/platform-validation';
import { CsrfExempt } from '../csrf/csrf.guard';
import { LogoutTokenVerifier } from '../oidc/logout-token.verifier';
import { BackchannelLogoutDto } from './identity.dto';
import { SignOutService } from './sign-out.service';

/**
 * The provider's server-to-server call when a customer's provider session ends (OpenID Connect
 * Back-Channel Logout 1.0). No cookie is involved, so it is exempt from the CSRF guard (route
 * metadata); its proof is the signed logout token. Form body only (`@FormBody()`).
 */
@ApiTags('identity')
@Controller('bff')
export class BackchannelLogoutController {
  constructor(
    private readonly verifier: LogoutTokenVerifier,
    private readonly signOut: SignOutService,
  ) {}

  @Post('backchannel-logout')
  @CsrfExempt()
  @FormBody()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Back-channel logout from the provider: verifies the logout token (provider's keys, iss, aud, iat, jti once, the logout event, sid or sub, no nonce) and ends the sessions it names, on every replica.",
  })
  @ApiOkResponse({
    description: 'The sessions named are ended (also when there were none). Empty body.',
    headers: { 'Cache-Control': { schema: { type: 'string', enum: ['no-store'] } } },
  })
  @ApiProblems(400, 503)
  async logout(@Body() body: BackchannelLogoutDto, @Query() _query: EmptyQueryDto): Promise<void> {
    await this.signOut.fromProvider(await this.verifier.verify(body.logout_token));
  }
}
