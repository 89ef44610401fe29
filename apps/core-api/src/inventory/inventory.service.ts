import { Inject, Injectable } from '@nestjs/common';
import { InventoryDto, InventoryListDto } from '@bff/core-contracts';
import { asc, eq, inArray } from 'drizzle-orm';
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

  /** Stock of many products in one query, in the order asked; unknown products are left out. */
  async forProducts(productIds: number[]): Promise<InventoryListDto> {
    const rows = await this.db
      .select()
      .from(inventory)
      .where(inArray(inventory.productId, productIds))
      .orderBy(asc(inventory.productId), asc(inventory.warehouse));
    const byProduct = new Map<number, InventoryDto>();
    for (const { productId, warehouse, quantity } of rows) {
      const entry = byProduct.get(productId) ?? { productId, total: 0, warehouses: [] };
      entry.total += quantity;
      entry.warehouses.push({ warehouse, quantity });
      byProduct.set(productId, entry);
    }
    return { items: productIds.flatMap((id) => byProduct.get(id) ?? []) };
  }
}
