import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { fromPageCursor, toPageCursor } from '@bff/bff-kit';
import { ScreenCardPageDto, toCard } from '../shared/card.dto';
import { SearchScreenQueryDto } from './search-screen.dto';

@Injectable()
export class SearchScreenService {
  constructor(private readonly core: CoreApiClient) {}

  async get({ q, limit, cursor, dpr }: SearchScreenQueryDto): Promise<ScreenCardPageDto> {
    const page = await this.core.listProducts({ q, limit, cursor: fromPageCursor(cursor) });
    return {
      items: page.items.map((item) => toCard(item, dpr)),
      nextCursor: toPageCursor(page.nextCursor),
    };
  }
}
