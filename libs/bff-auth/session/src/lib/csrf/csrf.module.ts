import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CSRF_OPTIONS, CsrfGuard, CsrfOptions } from './csrf.guard';

/** Puts {@link CsrfGuard} in front of every route. */
@Module({})
export class CsrfModule {
  static forRoot(options: CsrfOptions): DynamicModule {
    return {
      module: CsrfModule,
      providers: [
        { provide: CSRF_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: CsrfGuard },
      ],
    };
  }
}
