import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { fromPageCursor } from '@bff/bff-kit';
import { ScreenCardPageDto } from '../../shaping/card.dto';
import { SearchScreenQueryDto } from './search-screen.dto';
import { toSearchScreen } from './search-screen.shaper';

@Injectable()
export class SearchScreenService {
  constructor(private readonly core: CoreApiClient) {}

  async get({ q, limit, cursor, dpr }: SearchScreenQueryDto): Promise<ScreenCardPageDto> {
    const page = await this.core.listProducts({ q, limit, cursor: fromPageCursor(cursor) });
    return toSearchScreen(page, dpr);
  }
}
