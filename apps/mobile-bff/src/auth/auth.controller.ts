import { Body, Controller, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmptyQueryDto } from '@bff/platform-validation';
import { ApiProblems } from '@bff/platform-problem';
import { AuthRateLimit, LimitFailedSignIns } from '@bff/platform-security';
import { RefreshRequestDto, SignedOutDto, TokenRequestDto, TokenResponseDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
// Credentials and tokens: the stricter AUTH_RATE_LIMIT_MAX per client IP on every route here.
@AuthRateLimit()
@Controller({ path: 'auth', version: ['1', '2'] })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @LimitFailedSignIns()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Sign in with e-mail and password: a short-lived access token and a refresh token.',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems(400, 401, 429, 502, 503, 504)
  token(@Body() body: TokenRequestDto, @Query() _query: EmptyQueryDto): Promise<TokenResponseDto> {
    return this.auth.signIn(body.email, body.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'Trade the refresh token for a new pair. Each refresh token works once; reusing a spent one revokes the sign-in (`invalid_grant`).',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems(400, 429)
  refresh(
    @Body() body: RefreshRequestDto,
    @Query() _query: EmptyQueryDto,
  ): Promise<TokenResponseDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign out: revokes every refresh and access token of this sign-in. 200 also for an unknown token (RFC 7009).',
  })
  @ApiOkResponse({ type: SignedOutDto })
  @ApiProblems(400, 429)
  logout(@Body() body: RefreshRequestDto, @Query() _query: EmptyQueryDto): Promise<SignedOutDto> {
    return this.auth.signOut(body.refreshToken);
  }
}
