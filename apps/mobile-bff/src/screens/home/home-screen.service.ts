import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { aggregate, optional, required } from '@bff/bff-kit';
import { HomeScreenDto } from './home-screen.dto';
import { toHomeScreen } from './home-screen.shaper';

export const HOME_FEATURED = 8;

@Injectable()
export class HomeScreenService {
  private readonly logger = new Logger(HomeScreenService.name);

  constructor(private readonly core: CoreApiClient) {}

  /** Categories (required) and the newest products (optional), in parallel. */
  async get(dpr?: number): Promise<HomeScreenDto> {
    const { parts, degraded } = await aggregate(
      {
        categories: required(() => this.core.getCategories()),
        featured: optional(() => this.core.listProducts({ sort: 'newest', limit: HOME_FEATURED })),
      },
      {
        onDegraded: (part, error) =>
          this.logger.warn(`home screen: ${part} left out (${(error as Error).message})`),
      },
    );
    return toHomeScreen(parts, degraded, dpr);
  }
}
