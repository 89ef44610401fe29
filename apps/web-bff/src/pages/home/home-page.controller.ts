import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DegradableAggregate } from '@bff/bff-kit';
import { EmptyQueryDto } from '@bff/platform-validation';
import { HomePageDto } from './home-page.dto';
import { HomePageService } from './home-page.service';
import { CsrfHeader } from '@bff/bff-session';

@ApiTags('pages')
@CsrfHeader()
@Controller('api/pages')
export class HomePageController {
  constructor(private readonly page: HomePageService) {}

  @Get('home')
  @ApiOperation({
    summary: 'The front page: categories, newest products and deals (the lowest prices).',
  })
  @DegradableAggregate(HomePageDto, 'home page')
  get(@Query() _query: EmptyQueryDto): Promise<HomePageDto> {
    return this.page.get();
  }
}
