import { Module } from '@nestjs/common';
import { BackchannelLogoutController } from './backchannel-logout.controller';
import { LoginController } from './login.controller';
import { LoginTransactions } from './login-transaction';
import { LogoutController } from './logout.controller';
import { SignInService } from './sign-in.service';
import { SignOutService } from './sign-out.service';
import { UserController } from './user.controller';

/** The Duende-style `/bff/*` routes: sign-in at the provider, the user, logout, back-channel logout. */
@Module({
  controllers: [LoginController, UserController, LogoutController, BackchannelLogoutController],
  providers: [LoginTransactions, SignInService, SignOutService],
})
export class IdentityModule {}
