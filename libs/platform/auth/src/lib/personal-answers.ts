import {
  CanActivate,
  DynamicModule,
  ExecutionContext,
  Inject,
  Injectable,
  Module,
  OnModuleInit,
} from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost, Reflector } from '@nestjs/core';
import {
  DECORATORS,
  type OpenAPIObject,
  type OperationObject,
  type ReferenceObject,
  type ResponseObject,
} from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { COOKIE_ANSWER_CACHE_CONTROL } from './answer-headers.openapi';

/**
 * Where `@ApiCookieAuth()`/`@ApiBearerAuth()` keep a route's security requirement. The same
 * metadata puts `security` on the operation in the OpenAPI document, so "documented as needing
 * the customer" and "answered as personal" cannot drift apart.
 */
const API_SECURITY_METADATA = DECORATORS.API_SECURITY;

const OPTIONS = Symbol('PERSONAL_ANSWERS_OPTIONS');

export interface PersonalAnswersOptions {
  /** `Cache-Control` of every answer of a personal route, errors included (e.g. `no-store`). */
  cacheControl: string;
}

/**
 * Runs before the route's own guards, so the header is on the reply whatever happens next: the
 * answer, a 401 from the session or token guard, a validation 400, a 404.
 */
@Injectable()
class PersonalAnswersGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(OPTIONS) private readonly options: PersonalAnswersOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const security = this.reflector.getAllAndOverride<unknown[] | undefined>(
      API_SECURITY_METADATA,
      [context.getHandler(), context.getClass()],
    );
    if (security?.length) {
      context
        .switchToHttp()
        .getResponse<FastifyReply>()
        .header('cache-control', this.options.cacheControl);
    }
    return true;
  }
}

/** An answer that sets or clears a cookie (sign-in, sign-out, an ended session) is never stored. */
@Injectable()
class CookieAnswersNotStored implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      if (reply.hasHeader('set-cookie')) reply.header('cache-control', COOKIE_ANSWER_CACHE_CONTROL);
      done(null, payload);
    });
  }
}

/**
 * Personal answers are not kept by browsers, proxies or CDNs: every route that requires the
 * customer (its OpenAPI security requirement, from `@RequiresSession()`/`@RequiresSignIn()`)
 * answers with `cacheControl`, and any answer that carries `Set-Cookie` with `no-store`. A new
 * personal route gets this by being personal; nothing to remember per controller.
 */
@Module({})
export class PersonalAnswersModule {
  static forRoot(options: PersonalAnswersOptions): DynamicModule {
    return {
      module: PersonalAnswersModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: PersonalAnswersGuard },
        CookieAnswersNotStored,
      ],
    };
  }
}

/**
 * Answers given before the route is reached (Fastify's body-size and media-type checks,
 * mobile-bff's app-version check), so without the route's header; none carries anything personal.
 */
const BEFORE_THE_ROUTE = new Set(['413', '415', '426']);

/**
 * Declares the `Cache-Control` header on the answers of every operation that has a security
 * requirement (except those in {@link BEFORE_THE_ROUTE}).
 */
export function declarePersonalCacheControl(document: OpenAPIObject, cacheControl: string): void {
  const operations = Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, OperationObject | unknown>),
  ) as OperationObject[];
  for (const operation of operations) {
    if (!operation?.responses || !operation.security?.length) continue;
    for (const [status, response] of Object.entries(operation.responses) as [
      string,
      ResponseObject | ReferenceObject,
    ][]) {
      if ('$ref' in response || BEFORE_THE_ROUTE.has(status)) continue;
      response.headers = {
        ...response.headers,
        'Cache-Control': {
          description: 'A personal answer: not to be stored by shared caches.',
          schema: { type: 'string', enum: [cacheControl] },
        },
      };
    }
  }
}
