import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { AuthRateLimit, LimitFailedSignIns } from '@bff/platform-security';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_SCHEME } from './session.guard';
import { SessionDto, SignedOutDto, SignInDto } from './session.dto';
import { SessionService } from './session.service';
import { CsrfHeader } from '../csrf/csrf.guard';

@ApiTags('session')
@CsrfHeader()
@Controller('api/session')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Post()
  @AuthRateLimit()
  @LimitFailedSignIns()
  @ApiOperation({
    summary:
      'Sign in: checks the credentials with core-api, ends any current session and sets a fresh `__Host-session` cookie (HttpOnly, Secure, SameSite=Strict).',
  })
  @ApiCreatedResponse({ type: SessionDto, description: 'Signed in; the cookie is set.' })
  @ApiProblems(400, 401, 403, 415, 429, 502, 503, 504)
  async signIn(
    @Body() body: SignInDto,
    @Query() _query: EmptyQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return this.sessions.signIn(body, request, reply);
  }

  @Get()
  @ApiCookieAuth(SESSION_SCHEME)
  @ApiSecurity({})
  @ApiOperation({
    summary:
      'Whether the browser is signed in: the customer, or `{ "signedIn": false }` (200 either way, so a signed-out page logs no error). Personal routes answer 401 without a session.',
  })
  @ApiExtraModels(SessionDto, SignedOutDto)
  @ApiOkResponse({
    description: 'The signed-in customer, or `signedIn: false` (a dead cookie is cleared).',
    schema: {
      oneOf: [{ $ref: getSchemaPath(SessionDto) }, { $ref: getSchemaPath(SignedOutDto) }],
      discriminator: { propertyName: 'signedIn' },
    },
  })
  @ApiProblems(400, 403)
  current(
    @Query() _query: EmptyQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto | SignedOutDto> {
    return this.sessions.probe(request, reply);
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign out: ends the session on the server and clears the cookie.' })
  @ApiOkResponse({
    type: SignedOutDto,
    description: 'Signed out (also when there was no session).',
  })
  @ApiProblems(400, 403)
  async signOut(
    @Query() _query: EmptyQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedOutDto> {
    await this.sessions.signOut(request, reply);
    return { signedIn: false };
  }
}
