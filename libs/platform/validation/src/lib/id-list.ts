import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { MAX_ID, toStrictInt } from './decorators';

/**
 * A comma-separated list of ids in a query string (`?ids=3,1,2`), at most `max` of them,
 * each a plainly written positive integer. Order is kept; duplicates are a 400.
 */
export function IdList(options: {
  max: number;
  description: string;
  required?: boolean;
}): PropertyDecorator {
  const doc = {
    type: 'string',
    pattern: '^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9})*$',
    // `max` ids of at most 10 digits (MAX_ID), a comma between each two: no longer list is valid.
    maxLength: options.max * 11 - 1,
    description: `${options.description} Comma-separated, at most ${options.max}.`,
    example: '1,2,3',
  } as const;
  return applyDecorators(
    options.required ? ApiProperty(doc) : ApiPropertyOptional(doc),
    ...(options.required ? [] : [IsOptional()]),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string'
        ? value.split(',').map((part) => toStrictInt({ value: part }))
        : value,
    ),
    ArrayMinSize(1),
    ArrayMaxSize(options.max),
    ArrayUnique(),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(MAX_ID, { each: true }),
  );
}
