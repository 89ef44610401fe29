import { ApiPropertyOptional } from '@nestjs/swagger';
import { SHIPPING_METHODS, ShippingMethod } from '@bff/core-contracts';
import { IsIn, IsOptional } from 'class-validator';

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export class CheckoutDto {
  @ApiPropertyOptional({ enum: SHIPPING_METHODS, default: 'standard' })
  @IsOptional()
  @IsIn(SHIPPING_METHODS)
  shipping?: ShippingMethod;
}
