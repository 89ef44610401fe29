import { ApiProperty } from '@nestjs/swagger';

/** An amount of money as every page shows it: core-api's minor units and currency, formatted. */
export class PriceDto {
  @ApiProperty({ type: 'integer', example: 5099 }) amountMinor!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '€50.99', description: 'Ready to display.' }) formatted!: string;
}
