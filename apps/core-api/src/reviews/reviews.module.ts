import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { RatingSummariesController, ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [CatalogModule],
  controllers: [ReviewsController, RatingSummariesController],
  providers: [ReviewsService],
})
export class ReviewsModule {}
