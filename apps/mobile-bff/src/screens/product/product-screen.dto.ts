import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Parts of the screen that may be missing when core-api cannot supply them in time. */
export const PRODUCT_SCREEN_OPTIONAL_PARTS = ['reviews', 'rating', 'inventory', 'related'] as const;
export type ProductScreenOptionalPart = (typeof PRODUCT_SCREEN_OPTIONAL_PARTS)[number];

export class ScreenReviewDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 4 }) rating!: number;
  @ApiProperty({ example: 'Very good' }) title!: string;
  @ApiProperty({
    example: 'Well made and arrived quickly. One small…',
    description: `At most 120 characters.`,
  })
  excerpt!: string;
  @ApiProperty({ example: 'Maya K.' }) author!: string;
}

export class ScreenCardDto {
  @ApiProperty({ type: 'integer', example: 13 }) id!: number;
  @ApiProperty({ example: 'Tidewater Urban Kettle' }) name!: string;
  @ApiProperty({
    type: 'integer',
    example: 4250,
    description: 'Minor units; the app formats it for the device locale.',
  })
  price!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '/media/products/13/160.svg' }) image!: string;
}

/**
 * The product screen of the native apps: only what the screen draws. The product's own fields are
 * certain; the others are absent (never null for missing data) when core-api could not supply
 * them, and `degraded` names the missing part.
 */
export class ProductScreenDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'Fjord Heritage Kettle' }) name!: string;
  @ApiProperty({ example: 'Fjord' }) brand!: string;
  @ApiProperty({
    type: 'integer',
    example: 5099,
    description: 'Minor units; the app formats it for the device locale.',
  })
  price!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({
    example: '/media/products/1/640.svg',
    description: 'One image, sized for a phone screen.',
  })
  image!: string;
  @ApiPropertyOptional({
    type: 'number',
    nullable: true,
    example: 4.1,
    description:
      'Null when nobody has reviewed the product; absent when `degraded` contains `rating`.',
  })
  rating?: number | null;
  @ApiPropertyOptional({
    type: 'integer',
    example: 14,
    description: 'Absent when `degraded` contains `rating`.',
  })
  ratingCount?: number;
  @ApiPropertyOptional({ description: 'Absent when `degraded` contains `inventory`.' })
  inStock?: boolean;
  @ApiPropertyOptional({
    type: [ScreenReviewDto],
    description: 'The newest three reviews, trimmed. Absent when `degraded` contains `reviews`.',
  })
  reviews?: ScreenReviewDto[];
  @ApiPropertyOptional({
    type: [ScreenCardDto],
    description: 'Absent when `degraded` contains `related`.',
  })
  related?: ScreenCardDto[];
  @ApiProperty({
    enum: PRODUCT_SCREEN_OPTIONAL_PARTS,
    isArray: true,
    example: [],
    description:
      'Parts left out because core-api could not supply them in time; empty when the screen is complete. Also sent as the `X-Degraded` header.',
  })
  degraded!: ProductScreenOptionalPart[];
}
