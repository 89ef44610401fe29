import { BackchannelLogoutController } from './backchannel-logout.controller';
import { LoginController } from './login.controller';
import { LoginTransactions } from './login-transaction';
import { LogoutController } from './logout.controller';
import { SignInService } from './sign-in.service';
import { SignOutService } from './sign-out.service';
import { UserController } from './user.controller';

/**
 * The Duende-style `/bff/*` routes: sign-in at the provider, the user, logout, back-channel
 * logout, in the order the OpenAPI document lists them. `SessionAuthModule` declares them itself,
 * not through a module of their own: Nest registers a dynamic module's static imports after the
 * app's feature modules, which would move these paths behind the BFF's own in the document.
 */
export const IDENTITY_CONTROLLERS = [
  LoginController,
  UserController,
  LogoutController,
  BackchannelLogoutController,
];

export const IDENTITY_PROVIDERS = [LoginTransactions, SignInService, SignOutService];
