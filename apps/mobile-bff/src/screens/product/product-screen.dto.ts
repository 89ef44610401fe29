import { ApiProperty } from '@nestjs/swagger';

export class ScreenReviewDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 4 }) rating!: number;
  @ApiProperty({ example: 'Very good' }) title!: string;
  @ApiProperty({ example: 'Well made and arrived quickly. One small…', description: `At most 120 characters.` }) excerpt!: string;
  @ApiProperty({ example: 'Maya K.' }) author!: string;
}

export class ScreenCardDto {
  @ApiProperty({ type: 'integer', example: 13 }) id!: number;
  @ApiProperty({ example: 'Tidewater Urban Kettle' }) name!: string;
  @ApiProperty({ type: 'integer', example: 4250, description: 'Minor units; the app formats it for the device locale.' }) price!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '/media/products/13/160.svg' }) image!: string;
}

/** The product screen of the native apps: only what the screen draws. */
export class ProductScreenDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'Fjord Heritage Kettle' }) name!: string;
  @ApiProperty({ example: 'Fjord' }) brand!: string;
  @ApiProperty({ type: 'integer', example: 5099, description: 'Minor units; the app formats it for the device locale.' }) price!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '/media/products/1/640.svg', description: 'One image, sized for a phone screen.' }) image!: string;
  @ApiProperty({ type: 'number', nullable: true, example: 4.1 }) rating!: number | null;
  @ApiProperty({ type: 'integer', example: 14 }) ratingCount!: number;
  @ApiProperty() inStock!: boolean;
  @ApiProperty({ type: [ScreenReviewDto], description: 'The newest three reviews, trimmed.' }) reviews!: ScreenReviewDto[];
  @ApiProperty({ type: [ScreenCardDto] }) related!: ScreenCardDto[];
}
