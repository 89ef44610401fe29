import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiProductImage,
  PRODUCT_IMAGE_CACHE_CONTROL,
  ProductImageParamsDto,
  ProductImages,
} from '@bff/bff-kit';
import { EmptyQueryDto } from '@bff/platform-validation';
import type { FastifyReply } from 'fastify';

/**
 * The product pictures whose URLs the screens carry (`image`, `images[].url`:
 * `/media/products/1/640.svg`, from core-api's catalog), drawn by bff-kit's `ProductImages`.
 * Unversioned like those URLs, and public: an image view sends neither a bearer token nor
 * `X-App-Version`, so no sign-in and no version rule applies (those bind to `/v<n>/` routes).
 */
@ApiTags('media')
@Controller('media/products')
export class MediaController {
  constructor(private readonly images: ProductImages) {}

  @Get(':id/:image')
  @ApiOperation({
    summary:
      'A product picture (SVG, generated from the product): the URLs the screens carry in `image` and `images`.',
  })
  @ApiProductImage({
    'Cache-Control': {
      description: 'Any cache may keep it for a day, then revalidate with `If-None-Match`.',
      schema: { type: 'string', enum: [PRODUCT_IMAGE_CACHE_CONTROL] },
    },
    ETag: {
      description: 'A weak tag of the picture; `If-None-Match` with it answers 304 without a body.',
      schema: { type: 'string', maxLength: 128, example: 'W/"Jt0d3bA1d2Yh9l5p2Gx0aJkq3mQ"' },
    },
  })
  @ApiResponse({ status: 304, description: 'Not Modified: the copy the app holds is current.' })
  image(
    @Param() { id, image }: ProductImageParamsDto,
    @Query() _query: EmptyQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.images.answer(id, image, reply);
  }
}
