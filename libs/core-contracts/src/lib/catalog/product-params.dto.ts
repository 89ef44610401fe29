import { IsId } from '@bff/platform-validation';

export class ProductIdParamsDto {
  @IsId('Product id')
  id!: number;
}

export class InventoryParamsDto {
  @IsId('Product id')
  productId!: number;
}
