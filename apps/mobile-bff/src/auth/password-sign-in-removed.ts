import { Controller, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { BEARER_AUTH_OPTIONS, BearerAuthOptions } from '@bff/bff-bearer';
import { hasRouteFlag, RouteFlag } from '@bff/platform-routing';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  sendProblem,
  toProblem,
} from '@bff/platform-problem';
import type { FastifyInstance } from 'fastify';
import {
  AppUpdateRequiredProblemDto,
  PasswordSignInRemovedProblemDto,
} from '../versioning/app-update-problem.dto';

/** Route metadata of the routes old app versions used for password sign-in. */
const REMOVED = 'passwordSignInRemoved';

/**
 * 426, the answer every app version already handles by showing its update screen: an app that
 * still posts a password cannot sign in at the provider, so updating is the only way forward.
 */
export class PasswordSignInRemovedProblem extends ProblemException {
  constructor(issuer: string) {
    super(
      426, // Upgrade Required (HttpStatus has no name for it)
      'app_update_required',
      'This version of the app signs in with a password, which is no longer possible: update the app. The new version signs in at the identity provider.',
      {
        type: 'https://bff-platform.dev/problems/app-update-required',
        title: 'Update the app',
        reason: 'password_sign_in_removed',
        signInAt: issuer,
      },
    );
  }
}

const ANSWER = {
  status: 426,
  description:
    'Always: password sign-in was removed (apps sign in at the identity provider). The app-update-required problem, `reason: password_sign_in_removed`, `signInAt` = the provider. The body is not read. ' +
    "An app below the minimum version gets the version rule's 426 (`minimumVersion`) first.",
  content: {
    [PROBLEM_CONTENT_TYPE]: {
      schema: {
        oneOf: [
          { $ref: getSchemaPath(PasswordSignInRemovedProblemDto) },
          { $ref: getSchemaPath(AppUpdateRequiredProblemDto) },
        ],
      },
    },
  },
};

const removed = (was: string) =>
  ApiOperation({
    summary: `Removed (${was}): answers 426 app_update_required without reading the body.`,
    description:
      'Apps sign in at the identity provider in the system browser (RFC 8252) and send its access token. Old app versions that still call this route are told to update.',
    deprecated: true,
  });

/**
 * The routes of the removed password sign-in, kept so that an old app in the field gets an answer
 * it understands (426: update the app) rather than a 404. They never run: `refusePasswordSignIn`
 * answers in the onRequest hook, before the body is read or parsed, so no password is ever taken
 * in. The handlers throw the same problem in case the hook is missing.
 */
@ApiTags('auth')
@ApiExtraModels(PasswordSignInRemovedProblemDto, AppUpdateRequiredProblemDto)
@Controller({ path: 'auth', version: ['1', '2'] })
export class PasswordSignInRemovedController {
  constructor(@Inject(BEARER_AUTH_OPTIONS) private readonly options: BearerAuthOptions) {}

  @Post('token')
  @RouteFlag(REMOVED)
  @HttpCode(426)
  @removed('password sign-in')
  @ApiResponse(ANSWER)
  token(): never {
    throw new PasswordSignInRemovedProblem(this.options.issuer);
  }

  @Post('refresh')
  @RouteFlag(REMOVED)
  @HttpCode(426)
  @removed("refresh of mobile-bff's own tokens")
  @ApiResponse(ANSWER)
  refresh(): never {
    throw new PasswordSignInRemovedProblem(this.options.issuer);
  }

  @Post('logout')
  @RouteFlag(REMOVED)
  @HttpCode(426)
  @removed("sign-out of mobile-bff's own tokens")
  @ApiResponse(ANSWER)
  logout(): never {
    throw new PasswordSignInRemovedProblem(this.options.issuer);
  }
}

/** The removed routes; the issuer they name comes from the global `BearerAuthModule`. */
@Module({ controllers: [PasswordSignInRemovedController] })
export class PasswordSignInRemovedModule {}

/** Answers the removed routes (bound by route metadata, not URL text) before any body is read. */
export function refusePasswordSignIn(fastify: FastifyInstance, issuer: string): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!hasRouteFlag(request.routeOptions.config, REMOVED)) return done();
    // The body is never read: the connection closes after the answer rather than waiting for
    // the rest of an upload (which would also hold up a graceful shutdown).
    reply.header('connection', 'close');
    sendProblem(reply, toProblem(new PasswordSignInRemovedProblem(issuer), request));
  });
}
