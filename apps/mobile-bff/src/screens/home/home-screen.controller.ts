import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/bff-kit';
import { ScreenQueryDto } from '../screen-query.dto';
import { HomeScreenDto } from './home-screen.dto';
import { HomeScreenService } from './home-screen.service';

@ApiTags('screens')
@Controller({ path: 'screens/home', version: ['1', '2'] })
export class HomeScreenController {
  constructor(private readonly screen: HomeScreenService) {}

  @Get()
  @ApiOperation({ summary: 'The start screen: categories and the newest products.' })
  @DegradableAggregate(HomeScreenDto, 'screen')
  get(@Query() { dpr }: ScreenQueryDto): Promise<HomeScreenDto> {
    return this.screen.get(dpr);
  }
}
