import { ApiPropertyOptional } from '@nestjs/swagger';
import { SHIPPING_METHODS, ShippingMethod } from '@bff/core-contracts';
import { IsIn, IsOptional } from 'class-validator';

export class CheckoutDto {
  @ApiPropertyOptional({ enum: SHIPPING_METHODS, default: 'standard' })
  @IsOptional()
  @IsIn(SHIPPING_METHODS)
  shipping?: ShippingMethod;
}
