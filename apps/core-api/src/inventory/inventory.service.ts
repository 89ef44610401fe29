import { Inject, Injectable } from '@nestjs/common';
import { InventoryDto } from '@bff/core-contracts';
import { asc, eq } from 'drizzle-orm';
import { ProductsService } from '../catalog/products.service';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { inventory } from '../database/schema';

@Injectable()
export class InventoryService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly products: ProductsService,
  ) {}

  async forProduct(productId: number): Promise<InventoryDto> {
    await this.products.assertExists(productId);
    const rows = await this.db
      .select({ warehouse: inventory.warehouse, quantity: inventory.quantity })
      .from(inventory)
      .where(eq(inventory.productId, productId))
      .orderBy(asc(inventory.warehouse));
    return { productId, total: rows.reduce((sum, row) => sum + row.quantity, 0), warehouses: rows };
  }
}
