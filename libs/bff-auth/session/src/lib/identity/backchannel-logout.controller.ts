import { Body, Controller, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FormBody } from '@bff/platform-bootstrap';
import { ApiProblem } from '@bff/platform-problem';
import { EmptyQueryDto } from '@bff/platform-validation';
import { CsrfExempt } from '../csrf/csrf.guard';
import { LogoutTokenVerifier } from '../oidc/logout-token.verifier';
import { BackchannelLogoutDto } from './identity.dto';
import { LogoutTokenProblemDto } from './logout-token-problem.dto';
import { SignOutService } from './sign-out.service';

const NOT_STORED = 'no-store';
const CACHE_CONTROL = {
  'Cache-Control': { description: 'Never stored.', schema: { type: 'string', enum: [NOT_STORED] } },
};

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
  @Header('Cache-Control', NOT_STORED)
  @ApiOperation({
    summary:
      "Back-channel logout from the provider: verifies the logout token (provider's keys, iss, aud, iat, jti once, the logout event, sid or sub, no nonce) and ends the sessions it names, on every replica.",
  })
  @ApiOkResponse({
    description: 'The sessions named are ended (also when there were none). Empty body.',
    headers: CACHE_CONTROL,
  })
  // Nest sets the header once the guards let the request through: on the handler's and the
  // pipes' answers (400, 503), not on the edge's 413/415 or the rate limit's 429.
  @ApiProblem(400, { schema: LogoutTokenProblemDto, headers: CACHE_CONTROL })
  @ApiProblem(503, { headers: CACHE_CONTROL })
  async logout(@Body() body: BackchannelLogoutDto, @Query() _query: EmptyQueryDto): Promise<void> {
    await this.signOut.fromProvider(await this.verifier.verify(body.logout_token));
  }
}
