import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { aggregate, optional, required } from '@bff/bff-kit';
import { HomePageDto } from './home-page.dto';
import { toHomePage } from './home-page.shaper';

export const HOME_CARDS = 8;

@Injectable()
export class HomePageService {
  private readonly logger = new Logger(HomePageService.name);

  constructor(private readonly core: CoreApiClient) {}

  /** Three core-api calls in parallel: categories (required), newest and cheapest products. */
  async get(): Promise<HomePageDto> {
    const { parts, degraded } = await aggregate(
      {
        categories: required(() => this.core.getCategories()),
        featured: optional(() => this.core.listProducts({ sort: 'newest', limit: HOME_CARDS })),
        deals: optional(() => this.core.listProducts({ sort: 'price_asc', limit: HOME_CARDS })),
      },
      {
        onDegraded: (part, error) =>
          this.logger.warn(`home page: ${part} left out (${(error as Error).message})`),
      },
    );
    return toHomePage(parts, degraded);
  }
}
