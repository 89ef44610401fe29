import { ApiProperty } from '@nestjs/swagger';

export class CartScreenLineDto {
  @ApiProperty({ type: 'integer', example: 1 }) productId!: number;
  @ApiProperty({ example: 'Fjord Heritage Kettle' }) name!: string;
  @ApiProperty({ type: 'integer', example: 2 }) quantity!: number;
  @ApiProperty({ type: 'integer', example: 10198, description: 'Minor units of `currency`.' })
  lineTotal!: number;
  @ApiProperty({ description: 'False when fewer units are in stock than the line asks for.' })
  inStock!: boolean;
}

/** The signed-in customer's cart, as the cart screen draws it. */
export class CartScreenDto {
  @ApiProperty({ type: [CartScreenLineDto] }) items!: CartScreenLineDto[];
  @ApiProperty({ type: 'integer', example: 2 }) itemCount!: number;
  @ApiProperty({ type: 'integer', example: 10198, description: 'Minor units of `currency`.' })
  subtotal!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}
