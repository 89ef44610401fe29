import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_ROUTE = 'bff:public-route';

/** Marks a route that needs no credentials (health probes). Everything else is protected. */
export const PublicRoute = (): MethodDecorator & ClassDecorator =>
  SetMetadata(IS_PUBLIC_ROUTE, true);
