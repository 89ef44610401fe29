import { Module } from '@nestjs/common';
import { MediaController } from './media.controller';

/** The product pictures of the catalog, at the URLs web-bff's answers hand out. */
@Module({ controllers: [MediaController] })
export class MediaModule {}
