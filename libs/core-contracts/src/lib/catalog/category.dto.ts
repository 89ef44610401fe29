import { ApiProperty } from '@nestjs/swagger';

export class CategoryDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'kitchen' }) slug!: string;
  @ApiProperty({ example: 'Kitchen' }) name!: string;
  @ApiProperty({ type: 'integer', example: 42, description: 'Products in this category.' })
  productCount!: number;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto] }) items!: CategoryDto[];
}
