import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScreenCardDto } from '../../shaping/card.dto';
import { ScreenCategoryDto } from '../../shaping/category.dto';

export const HOME_SCREEN_OPTIONAL_PARTS = ['featured'] as const;
export type HomeScreenOptionalPart = (typeof HOME_SCREEN_OPTIONAL_PARTS)[number];

/** The app's start screen: the category list and the newest products. */
export class HomeScreenDto {
  @ApiProperty({ type: [ScreenCategoryDto] }) categories!: ScreenCategoryDto[];
  @ApiPropertyOptional({
    type: [ScreenCardDto],
    description: 'Newest products. Absent when `degraded` contains `featured`.',
  })
  featured?: ScreenCardDto[];
  @ApiProperty({
    enum: HOME_SCREEN_OPTIONAL_PARTS,
    isArray: true,
    example: [],
    description: 'Parts core-api could not supply in time; empty when the screen is complete.',
  })
  degraded!: (typeof HOME_SCREEN_OPTIONAL_PARTS)[number][];
}
