import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@bff/platform-problem';

const INT32 = { type: 'integer', format: 'int32', maximum: 2_147_483_647 } as const;

/** One product the cart wants more of than the warehouses hold. */
export class ShortageDto {
  @ApiProperty({ ...INT32, example: 3, minimum: 1 })
  productId!: number;

  @ApiProperty({ ...INT32, example: 5, minimum: 1, description: 'The quantity in the cart.' })
  requested!: number;

  @ApiProperty({ ...INT32, example: 2, minimum: 0, description: 'What all warehouses hold.' })
  available!: number;
}

/**
 * The 409 of placing an order: `insufficient_stock` (with `shortages`, every short product),
 * `cart_empty` or `request_in_flight` (the same Idempotency-Key is still being served).
 */
export class OrderConflictProblemDto extends ProblemDetailsDto {
  @ApiPropertyOptional({
    type: [ShortageDto],
    maxItems: 100,
    description:
      'On `insufficient_stock`: each product there is not enough of. Nothing was ordered.',
  })
  shortages?: ShortageDto[];
}
