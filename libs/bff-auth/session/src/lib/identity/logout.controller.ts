import { Controller, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';
import { EmptyQueryDto } from '@bff/platform-validation';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfHeader } from '../csrf/csrf.guard';
import { RequiresSession, SESSION_SCHEME, sessionOf } from '../session/session.guard';
import { LoggedOutDto, SignedOutEverywhereDto } from './identity.dto';
import { SignOutService } from './sign-out.service';

const CLEARED = {
  'Set-Cookie': {
    description: '`__Host-session=; Max-Age=0; …`: the session cookie is cleared.',
    schema: { type: 'string', maxLength: 4096 },
  },
};

@ApiTags('identity')
@CsrfHeader()
@Controller('bff')
export class LogoutController {
  constructor(private readonly signOut: SignOutService) {}

  @Post('logout')
  @HttpCode(200)
  // The session it ends, when there is one: signing out without one is answered the same.
  @ApiCookieAuth(SESSION_SCHEME)
  @ApiSecurity({})
  @ApiOperation({
    summary:
      "Signs out: ends the session on the server, revokes its refresh token at the provider and clears the cookie. The page then navigates to `endSessionUrl` to end the provider's session too.",
  })
  @ApiOkResponse({
    type: LoggedOutDto,
    headers: CLEARED,
    description: 'Signed out (also when there was no session).',
  })
  @ApiProblems(400)
  logout(
    @Query() _query: EmptyQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoggedOutDto> {
    return this.signOut.logout(request, reply);
  }

  @Post('sign-out-everywhere')
  @HttpCode(200)
  @RequiresSession()
  @ApiOperation({
    summary:
      'Ends every session of the signed-in customer, in every browser and on every replica, and revokes their refresh tokens.',
  })
  @ApiOkResponse({
    type: SignedOutEverywhereDto,
    headers: CLEARED,
    description: 'Every session has ended.',
  })
  @ApiProblems(400)
  everywhere(
    @Query() _query: EmptyQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedOutEverywhereDto> {
    return this.signOut.everywhere(sessionOf(request).record, reply);
  }
}
