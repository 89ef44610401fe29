import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@bff/platform-problem';

/** One product the cart wants more of than the warehouses hold. */
export class ShortageDto {
  @ApiProperty({ example: 3, minimum: 1 })
  productId!: number;

  @ApiProperty({ example: 5, minimum: 1, description: 'The quantity in the cart.' })
  requested!: number;

  @ApiProperty({ example: 2, minimum: 0, description: 'What all warehouses hold together.' })
  available!: number;
}

/**
 * The 409 of placing an order: `insufficient_stock` (with `shortages`, every short product),
 * `cart_empty` or `request_in_flight` (the same Idempotency-Key is still being served).
 */
export class OrderConflictProblemDto extends ProblemDetailsDto {
  @ApiPropertyOptional({
    type: [ShortageDto],
    description:
      'On `insufficient_stock`: each product there is not enough of. Nothing was ordered.',
  })
  shortages?: ShortageDto[];
}
