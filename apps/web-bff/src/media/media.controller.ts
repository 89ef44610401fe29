import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProductImage,
  PRODUCT_IMAGE_CACHE_CONTROL,
  ProductImageParamsDto,
  ProductImages,
} from '@bff/bff-kit';
import { EmptyQueryDto } from '@bff/platform-validation';
import type { FastifyReply } from 'fastify';
import { CsrfExempt } from '@bff/bff-session';

/**
 * The product pictures whose URLs web-bff's answers carry (`/media/products/1/640.svg`, from
 * core-api's catalog), drawn by bff-kit's `ProductImages`. Loaded by `<img>`, which sends no
 * X-CSRF header: exempt, as it reads public catalog data only and changes nothing.
 */
@ApiTags('media')
@CsrfExempt()
@Controller('media/products')
export class MediaController {
  constructor(private readonly images: ProductImages) {}

  @Get(':id/:image')
  @ApiOperation({
    summary:
      'A product picture (SVG, generated from the product): the URLs the page answers carry in `images` and `image`.',
  })
  @ApiProductImage({
    'Cache-Control': {
      description: 'Shared caches may keep it for a day.',
      schema: { type: 'string', enum: [PRODUCT_IMAGE_CACHE_CONTROL] },
    },
  })
  image(
    @Param() { id, image }: ProductImageParamsDto,
    @Query() _query: EmptyQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.images.answer(id, image, reply);
  }
}
