import { ApiProperty } from '@nestjs/swagger';

/** A category as the home screen lists it and the category screen heads its page. */
export class ScreenCategoryDto {
  @ApiProperty({
    example: 'kitchen',
    description: 'For the category screen: /screens/category/{slug}.',
  })
  slug!: string;
  @ApiProperty({ example: 'Kitchen' }) name!: string;
}
