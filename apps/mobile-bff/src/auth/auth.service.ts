import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { AccessTokens } from './access-tokens';
import { SignedOutDto, TokenResponseDto } from './auth.dto';
import { Grant, RefreshTokens } from './refresh-tokens';

/** Sign-in, rotation and sign-out for the apps: credentials are checked by core-api. */
@Injectable()
export class AuthService {
  constructor(
    private readonly core: CoreApiClient,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  async signIn(email: string, password: string): Promise<TokenResponseDto> {
    const { customer } = await this.core.verifyCredentials(email, password);
    return this.answer(await this.refreshTokens.start(customer.id));
  }

  async refresh(refreshToken: string): Promise<TokenResponseDto> {
    return this.answer(await this.refreshTokens.rotate(refreshToken));
  }

  async signOut(refreshToken: string): Promise<SignedOutDto> {
    await this.refreshTokens.revokeFamilyOf(refreshToken);
    return { signedOut: true };
  }

  private async answer(grant: Grant): Promise<TokenResponseDto> {
    return {
      accessToken: await this.accessTokens.issue(grant),
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken: grant.refreshToken,
    };
  }
}
