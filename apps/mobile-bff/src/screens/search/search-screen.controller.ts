import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';
import { ScreenCardPageDto } from '../../shaping/card.dto';
import { SearchScreenQueryDto } from './search-screen.dto';
import { SearchScreenService } from './search-screen.service';

@ApiTags('screens')
@Controller({ path: 'screens/search', version: ['1', '2'] })
export class SearchScreenController {
  constructor(private readonly screen: SearchScreenService) {}

  @Get()
  @ApiOperation({ summary: 'Search results: a cursor page of product cards.' })
  @ApiOkResponse({ type: ScreenCardPageDto })
  @ApiProblems(400, 502, 503, 504)
  get(@Query() query: SearchScreenQueryDto): Promise<ScreenCardPageDto> {
    return this.screen.get(query);
  }
}
