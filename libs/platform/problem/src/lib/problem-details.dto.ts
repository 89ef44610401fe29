import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Where a field that failed validation came from. */
export const FIELD_SOURCES = ['path', 'query', 'body', 'header'] as const;

export class FieldErrorDto {
  @ApiProperty({ example: 'limit', maxLength: 200 })
  field!: string;

  @ApiPropertyOptional({
    enum: FIELD_SOURCES,
    example: 'query',
    description: 'Where the field came from, when known.',
  })
  in?: (typeof FIELD_SOURCES)[number];

  @ApiProperty({
    type: [String],
    maxItems: 20,
    items: { type: 'string', maxLength: 500 },
    example: ['limit must not be greater than 50'],
  })
  messages!: string[];
}

/**
 * OpenAPI schema of the problem+json body every service returns on error (RFC 9457). A problem
 * with members of its own (`shortages`, `minimumVersion`…) is a subclass, declared with
 * `@ApiProblem(status, { schema })`: the documents name every member a problem carries.
 */
export class ProblemDetailsDto {
  @ApiProperty({
    example: 'about:blank',
    maxLength: 2048,
    description: 'A URI reference identifying the problem type.',
  })
  type!: string;

  @ApiProperty({ example: 'Not Found', maxLength: 200 })
  title!: string;

  @ApiProperty({ type: 'integer', format: 'int32', example: 404, minimum: 400, maximum: 599 })
  status!: number;

  @ApiPropertyOptional({ example: 'No product has id 99999.', maxLength: 2000 })
  detail?: string;

  @ApiPropertyOptional({ example: '/products/99999', maxLength: 2048 })
  instance?: string;

  @ApiProperty({
    example: 'b3e1c1f0-52f4-4b0e-9a51-1f7f0f3d9b1e',
    maxLength: 128,
    description: 'Quote it when reporting a problem.',
  })
  requestId!: string;

  @ApiPropertyOptional({ example: 'product_not_found', maxLength: 64 })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], maxItems: 100 })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 2_147_483_647,
    example: 42,
    description: 'On 429 `rate_limited`: seconds until the limit lets this client in again.',
  })
  retryAfterSeconds?: number;
}
