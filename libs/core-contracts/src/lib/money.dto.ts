import { ApiProperty } from '@nestjs/swagger';

/** An amount of money in minor units (cents), so no float ever touches a price. */
export class MoneyDto {
  @ApiProperty({
    type: 'integer',
    example: 1299,
    description: 'Amount in minor units (e.g. cents).',
  })
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 currency code.', pattern: '^[A-Z]{3}$' })
  currency!: string;
}
