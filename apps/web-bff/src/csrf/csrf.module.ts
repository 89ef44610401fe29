import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CsrfGuard } from './csrf.guard';

/** Puts {@link CsrfGuard} in front of every route. */
@Module({ providers: [{ provide: APP_GUARD, useClass: CsrfGuard }] })
export class CsrfModule {}
