import { IsId } from '../validation/decorators';

export class ProductIdParamsDto {
  @IsId('Product id')
  id!: number;
}

export class InventoryParamsDto {
  @IsId('Product id')
  productId!: number;
}
