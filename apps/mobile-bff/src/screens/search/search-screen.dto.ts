import { BoundedText } from '@bff/platform-validation';
import { ScreenPageQueryDto } from '../screen-query.dto';

export class SearchScreenQueryDto extends ScreenPageQueryDto {
  @BoundedText({
    min: 2,
    max: 100,
    example: 'kettle',
    description: 'Words to find in name, brand or description.',
    required: true,
  })
  q!: string;
}
