import { ApiProperty } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@bff/platform-problem';

/** 409 `cart_line_full`: adding would put more of one product in the cart than a line holds. */
export class CartLineFullProblemDto extends ProblemDetailsDto {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    example: 98,
    minimum: 0,
    maximum: 99,
    description: 'How many the line holds now.',
  })
  holds!: number;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    example: 99,
    minimum: 1,
    maximum: 99,
    description: 'The most one line may hold.',
  })
  max!: number;
}
