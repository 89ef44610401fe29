import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyDto } from '@bff/core-contracts';
import { ScreenCardDto } from '../../shaping/card.dto';

/** Parts of the screen that may be missing when core-api cannot supply them in time. */
export const PRODUCT_SCREEN_OPTIONAL_PARTS = ['reviews', 'rating', 'inventory', 'related'] as const;
export type ProductScreenOptionalPart = (typeof PRODUCT_SCREEN_OPTIONAL_PARTS)[number];

export class ScreenReviewDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 4 }) rating!: number;
  @ApiProperty({
    example: 'Well made and arrived quickly. One small…',
    description: 'The review trimmed at a word boundary to at most 90 characters.',
  })
  excerpt!: string;
  @ApiProperty({ example: 'Maya K.' }) author!: string;
}

const degradedDoc = {
  enum: PRODUCT_SCREEN_OPTIONAL_PARTS,
  isArray: true,
  example: [],
  description:
    'Parts left out because core-api could not supply them in time; empty when the screen is complete. Also sent as the `X-Degraded` header.',
} as const;

/**
 * v1 of the product screen: only what the screen draws. The product's own fields are certain;
 * the others are absent (never null for missing data) when core-api could not supply them, and
 * `degraded` names the missing part. Deprecated: v2 groups price and rating.
 */
export class ProductScreenDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'Fjord Heritage Kettle' }) name!: string;
  @ApiProperty({
    type: 'integer',
    example: 5099,
    description: 'Minor units; the app formats it for the device locale.',
  })
  price!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({
    example: '/media/products/1/640.svg',
    description:
      'One image, wide enough for the screen at the `dpr`, served by mobile-bff: `GET /media/products/{id}/{image}` (SVG).',
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
    description:
      'The newest three reviews: stars, a trimmed excerpt and the author. Absent when `degraded` contains `reviews`.',
  })
  reviews?: ScreenReviewDto[];
  @ApiPropertyOptional({
    type: [ScreenCardDto],
    description: 'Absent when `degraded` contains `related`.',
  })
  related?: ScreenCardDto[];
  @ApiProperty(degradedDoc)
  degraded!: ProductScreenOptionalPart[];
}

export class ScreenRatingDto {
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 4.1,
    description: 'To one decimal; null when nobody has reviewed the product.',
  })
  average!: number | null;
  @ApiProperty({ type: 'integer', example: 14 }) count!: number;
}

/**
 * v2 of the product screen. Not understood by v1 apps: the product's `price` is a money object
 * (`{ amountMinor, currency }`) instead of a number beside `currency`, and the rating is one
 * object (`{ average, count }`) instead of `rating` + `ratingCount`. Cards are unchanged.
 */
export class ProductScreenV2Dto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'Fjord Heritage Kettle' }) name!: string;
  @ApiProperty({ type: MoneyDto, description: 'The app formats it for the device locale.' })
  price!: MoneyDto;
  @ApiProperty({
    example: '/media/products/1/640.svg',
    description:
      'One image, wide enough for the screen at the `dpr`, served by mobile-bff: `GET /media/products/{id}/{image}` (SVG).',
  })
  image!: string;
  @ApiPropertyOptional({
    type: ScreenRatingDto,
    description: 'Absent when `degraded` contains `rating`.',
  })
  rating?: ScreenRatingDto;
  @ApiPropertyOptional({ description: 'Absent when `degraded` contains `inventory`.' })
  inStock?: boolean;
  @ApiPropertyOptional({
    type: [ScreenReviewDto],
    description: 'Absent when `degraded` contains `reviews`.',
  })
  reviews?: ScreenReviewDto[];
  @ApiPropertyOptional({
    type: [ScreenCardDto],
    description: 'Cards are the same in every version. Absent when `degraded` contains `related`.',
  })
  related?: ScreenCardDto[];
  @ApiProperty(degradedDoc)
  degraded!: ProductScreenOptionalPart[];
}
