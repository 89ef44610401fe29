import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';
import { EmptyQueryDto } from '@bff/platform-validation';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfHeader } from '../csrf/csrf.guard';
import { SessionCookie } from '../session/session-cookie';
import { SESSION_SCHEME } from '../session/session.guard';
import { SESSION_TIMEOUTS, SessionStore, SessionTimeouts } from '../session/session.store';
import { SessionDto, SignedOutDto } from './identity.dto';

@ApiTags('identity')
@CsrfHeader()
@Controller('bff')
export class UserController {
  constructor(
    private readonly sessions: SessionStore,
    @Inject(SESSION_TIMEOUTS) private readonly timeouts: SessionTimeouts,
    private readonly cookie: SessionCookie,
  ) {}

  @Get('user')
  @ApiCookieAuth(SESSION_SCHEME)
  @ApiSecurity({})
  @ApiOperation({
    summary:
      'Whether the browser is signed in: the customer, or `{ "signedIn": false }` (200 either way, so a signed-out page logs no error). No token is ever part of it.',
  })
  @ApiExtraModels(SessionDto, SignedOutDto)
  @ApiOkResponse({
    description: 'The signed-in customer, or `signedIn: false` (a dead cookie is cleared).',
    schema: {
      // No `discriminator`: OpenAPI allows one only on a string property, and generators then
      // type `signedIn` as the schemas' names. The two `signedIn` enums (true, false) tell them apart.
      oneOf: [{ $ref: getSchemaPath(SessionDto) }, { $ref: getSchemaPath(SignedOutDto) }],
    },
  })
  @ApiProblems(400, 403)
  async user(
    @Query() _query: EmptyQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto | SignedOutDto> {
    const id = this.cookie.idOf(request);
    const session = await this.sessions.resolve(id);
    if (!session) {
      if (id) this.cookie.clear(reply);
      return { signedIn: false };
    }
    const { customer, createdAt } = session;
    return {
      signedIn: true,
      customer: { id: customer.id, email: customer.email, displayName: customer.displayName },
      expiresAt: new Date(createdAt + this.timeouts.absoluteMs).toISOString(),
    };
  }
}
