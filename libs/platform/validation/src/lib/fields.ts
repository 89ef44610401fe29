import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/*
 * Each decorator here is both the server's rule (class-validator) and its OpenAPI schema, built
 * from the same numbers, so the document can never be looser (or stricter) than the check: a
 * client generated from the document refuses what the server would answer 400 to.
 */

/** A category's slug: lower-case letters, digits and dashes, 1–64 of them. */
export const SLUG_PATTERN = /^[a-z0-9-]{1,64}$/;
const SLUG_MAX_LENGTH = 64;

/** A category slug, in a path (required) or a query (`optional`); 400 for anything else. */
export function CategorySlug(
  options: { optional?: boolean; description?: string } = {},
): PropertyDecorator {
  const doc = {
    type: 'string',
    minLength: 1,
    maxLength: SLUG_MAX_LENGTH,
    pattern: SLUG_PATTERN.source,
    example: 'kitchen',
    description: options.description ?? 'Category slug.',
  } as const;
  return applyDecorators(
    options.optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    ...(options.optional ? [IsOptional()] : []),
    Matches(SLUG_PATTERN, { message: '$property must be a category slug' }),
  );
}

/** Free text of `min`–`max` characters (a search, a brand name); optional unless `required`. */
export function BoundedText(options: {
  min: number;
  max: number;
  example: string;
  description?: string;
  required?: boolean;
}): PropertyDecorator {
  const doc = {
    type: 'string',
    minLength: options.min,
    maxLength: options.max,
    example: options.example,
    description: options.description,
  } as const;
  return applyDecorators(
    options.required ? ApiProperty(doc) : ApiPropertyOptional(doc),
    ...(options.required ? [] : [IsOptional()]),
    IsString(),
    MinLength(options.min),
    MaxLength(options.max),
  );
}

/**
 * A JSON integer within [min, max] in a request body (a quantity): a string such as `"2"` or a
 * fraction is a 400, as the document's `type: integer` says.
 */
export function BoundedInt(options: {
  min: number;
  max: number;
  example: number;
  description?: string;
}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      format: 'int32',
      minimum: options.min,
      maximum: options.max,
      example: options.example,
      description: options.description,
    }),
    IsInt(),
    Min(options.min),
    Max(options.max),
  );
}

/**
 * The longest value any request header can have: Node's HTTP parser answers 431 to a header
 * section over `--max-http-header-size` (16 KiB by default, which no service changes). The bound
 * of a header the services read as free text (`If-None-Match`), whose own rule has no length.
 */
export const MAX_HEADER_LENGTH = 16 * 1024;
