import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_ID = 2_147_483_647;

/**
 * Parses a decimal string to an integer only when it is written plainly ("42"), so "0x2a",
 * "4.2e1", " 42" and "42abc" stay strings and fail `IsInt` with a 400 instead of slipping through.
 */
export const toStrictInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,10}$/.test(value) ? Number(value) : value;

/** A positive integer identifier taken from a path or query string. */
export function IsId(description = 'Identifier'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      format: 'int32',
      minimum: 1,
      maximum: MAX_ID,
      description,
      example: 1,
    }),
    Transform(toStrictInt),
    IsInt(),
    Min(1),
    Max(MAX_ID),
  );
}

/** An optional integer query parameter within [min, max]. */
export function QueryInt(options: {
  min: number;
  max: number;
  description: string;
  default?: number;
}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      format: 'int32',
      minimum: options.min,
      maximum: options.max,
      default: options.default,
      description: options.description,
    }),
    IsOptional(),
    Transform(toStrictInt),
    IsInt(),
    Min(options.min),
    Max(options.max),
  );
}

/** An optional opaque pagination cursor (base64url), as returned in a page's `nextCursor`. */
export function CursorQuery(
  description = 'Opaque cursor from a previous page’s `nextCursor`.',
  maxLength = 200,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, maxLength, pattern: '^[A-Za-z0-9_-]+$' }),
    IsOptional(),
    MaxLength(maxLength),
    Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by a previous page' }),
  );
}
