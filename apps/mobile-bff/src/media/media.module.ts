import { Module } from '@nestjs/common';
import { ProductImages } from '@bff/bff-kit';
import { MediaController } from './media.controller';

/** The product pictures of the catalog, at the URLs mobile-bff's screens hand out. */
@Module({ controllers: [MediaController], providers: [ProductImages] })
export class MediaModule {}
