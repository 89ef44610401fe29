import { ApiProperty } from '@nestjs/swagger';
import { MaxLength, MinLength } from 'class-validator';
import { ScreenPageQueryDto } from '../screen-query.dto';

export class SearchScreenQueryDto extends ScreenPageQueryDto {
  @ApiProperty({
    example: 'kettle',
    minLength: 2,
    maxLength: 100,
    description: 'Words to find in name, brand or description.',
  })
  @MinLength(2)
  @MaxLength(100)
  q!: string;
}
