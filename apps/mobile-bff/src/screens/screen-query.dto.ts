import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CursorQuery, QueryInt } from '@bff/platform-validation';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_DPR } from '../shaping/image.shaper';

/** `dpr`: the device's pixel ratio, 1 to 3 (at most two decimals), for choosing image widths. */
export function DprQuery(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'number',
      minimum: 1,
      maximum: 3,
      // At most two decimals, as `maxDecimalPlaces` below.
      multipleOf: 0.01,
      default: DEFAULT_DPR,
      example: 3,
      description: 'Device pixel ratio; images are chosen wide enough for it.',
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^\d(\.\d{1,2})?$/.test(value) ? Number(value) : value,
    ),
    IsNumber({ maxDecimalPlaces: 2 }, { message: 'dpr must be a number from 1 to 3' }),
    Min(1, { message: 'dpr must be a number from 1 to 3' }),
    Max(3, { message: 'dpr must be a number from 1 to 3' }),
  );
}

/** A screen whose only parameter is the pixel ratio. */
export class ScreenQueryDto {
  @DprQuery()
  dpr?: number;
}

export const SCREEN_PAGE_MAX = 24;

/** A cursor-paged list screen. */
export class ScreenPageQueryDto extends ScreenQueryDto {
  @QueryInt({ min: 1, max: SCREEN_PAGE_MAX, default: 12, description: 'Cards per page.' })
  limit?: number;

  // mobile-bff's own cursors wrap core-api's (up to 400 characters), so they are a third longer.
  @CursorQuery('Opaque cursor from the previous page’s `nextCursor`.', 600)
  cursor?: string;
}
