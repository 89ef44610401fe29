import { Controller, Get, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblem, ApiProblems } from '@bff/platform-problem';
import { AuthRateLimit } from '@bff/platform-security';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfExempt } from '../csrf/csrf.guard';
import { CallbackQueryDto, LoginQueryDto } from './identity.dto';
import { SignInService } from './sign-in.service';

const SET_LOGIN_COOKIE = {
  description:
    '`__Host-login=<random id>; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax`: the login transaction (state, nonce, PKCE verifier, returnTo) is kept on the server under this id.',
  schema: { type: 'string', maxLength: 4096 },
};

const CLEAR_LOGIN_COOKIE = {
  'Set-Cookie': {
    description:
      'When the request carried a `__Host-login` cookie: `__Host-login=; Max-Age=0; …`, the transaction is used up.',
    schema: { type: 'string', maxLength: 4096 },
  },
};

/**
 * Sign-in at the OpenID provider. Both routes are top-level navigations (a link, the provider's
 * redirect back), which cannot carry the X-CSRF header: they are exempt by route metadata. The
 * callback is safe without it: it completes only the transaction this browser's `__Host-login`
 * cookie names, checked by state, nonce and PKCE.
 */
@ApiTags('identity')
@CsrfExempt()
@AuthRateLimit()
@Controller('bff')
export class LoginController {
  constructor(private readonly signIn: SignInService) {}

  @Get('login')
  @Redirect()
  @ApiOperation({
    summary:
      'Starts a sign-in: redirects to the provider (authorization code, PKCE S256, state, nonce). A link or `location.assign`, not fetch().',
  })
  @ApiResponse({
    status: 302,
    description: "To the provider's authorization endpoint.",
    headers: {
      Location: {
        description: "The provider's authorization URL.",
        schema: { type: 'string', format: 'uri', maxLength: 4096 },
      },
      'Set-Cookie': SET_LOGIN_COOKIE,
    },
  })
  @ApiProblems(400, 429, 503)
  async login(
    @Query() query: LoginQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    return { url: await this.signIn.begin(query.returnTo, reply), statusCode: 302 };
  }

  @Get('callback')
  @Redirect()
  @ApiOperation({
    summary:
      "The provider's redirect back: checks the transaction, state, nonce and PKCE, links the customer at core-api, opens a new session and redirects to returnTo. Any failure opens no session and answers 400 `sign_in_failed` problem+json.",
  })
  @ApiResponse({
    status: 303,
    description: 'Signed in: to the returnTo path of the sign-in.',
    headers: {
      Location: {
        description: 'The returnTo path (same site).',
        schema: { type: 'string', maxLength: 2048 },
      },
      'Set-Cookie': {
        description:
          '`__Host-session=<random id>; Path=/; HttpOnly; Secure; SameSite=Strict` (the new session), and `__Host-login` cleared.',
        schema: { type: 'string', maxLength: 4096 },
      },
    },
  })
  // Whatever fails after the transaction was taken, the browser's `__Host-login` is cleared.
  @ApiProblem(400, { headers: CLEAR_LOGIN_COOKIE })
  @ApiProblem(409, { headers: CLEAR_LOGIN_COOKIE })
  @ApiProblem(502, { headers: CLEAR_LOGIN_COOKIE })
  @ApiProblem(503, { headers: CLEAR_LOGIN_COOKIE })
  @ApiProblem(504, { headers: CLEAR_LOGIN_COOKIE })
  @ApiProblems(429)
  async callback(
    @Query() _query: CallbackQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    return { url: await this.signIn.complete(request, reply), statusCode: 303 };
  }
}
