import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';

export const DEGRADED_HEADER = 'x-degraded';

interface HeaderSink {
  header?: (name: string, value: string) => unknown;
  setHeader?: (name: string, value: string) => unknown;
}

/**
 * Repeats a partial answer's `degraded` list in an `X-Degraded: reviews,related` header, so
 * caches, logs and clients can tell a partial answer without reading the body. Put it on every
 * controller method that returns an aggregate with a `degraded` array.
 */
@Injectable()
export class DegradedHeaderInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body: unknown) => {
        const degraded = (body as { degraded?: unknown } | null)?.degraded;
        if (!Array.isArray(degraded) || degraded.length === 0) return;
        const reply = context.switchToHttp().getResponse<HeaderSink>();
        const value = degraded.join(',');
        if (typeof reply.header === 'function') reply.header(DEGRADED_HEADER, value);
        else reply.setHeader?.(DEGRADED_HEADER, value);
      }),
    );
  }
}
