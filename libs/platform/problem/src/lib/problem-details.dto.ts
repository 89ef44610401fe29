import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'limit' })
  field!: string;

  @ApiPropertyOptional({
    example: 'query',
    description: 'Where the field came from, when known: `path`, `query`, `body` or `header`.',
  })
  in?: string;

  @ApiProperty({ type: [String], example: ['limit must not be greater than 50'] })
  messages!: string[];
}

/** OpenAPI schema of the problem+json body every service returns on error (RFC 9457). */
export class ProblemDetailsDto {
  @ApiProperty({
    example: 'about:blank',
    description: 'A URI reference identifying the problem type.',
  })
  type!: string;

  @ApiProperty({ example: 'Not Found' })
  title!: string;

  @ApiProperty({ example: 404, minimum: 400, maximum: 599 })
  status!: number;

  @ApiPropertyOptional({ example: 'No product has id 99999.' })
  detail?: string;

  @ApiPropertyOptional({ example: '/products/99999' })
  instance?: string;

  @ApiProperty({
    example: 'b3e1c1f0-52f4-4b0e-9a51-1f7f0f3d9b1e',
    description: 'Quote it when reporting a problem.',
  })
  requestId!: string;

  @ApiPropertyOptional({ example: 'product_not_found' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    example: 42,
    description: 'On 429 `rate_limited`: seconds until the limit lets this client in again.',
  })
  retryAfterSeconds?: number;
}
