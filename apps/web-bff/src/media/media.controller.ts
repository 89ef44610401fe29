import { Controller, Get, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CoreApiClient } from '@bff/core-client';
import { EmptyQueryDto } from '@bff/core-contracts';
import { ApiProblems, ProblemException } from '@bff/platform-problem';
import type { FastifyReply } from 'fastify';
import { CsrfExempt } from '../csrf/csrf.guard';
import { ProductImageParamsDto } from './media.dto';
import { productImageSvg } from './product-image.svg';

/** A day: the picture of a product changes only with its name. */
export const PRODUCT_IMAGE_CACHE_CONTROL = 'public, max-age=86400';

export class ProductImageNotFoundProblem extends ProblemException {
  constructor(productId: number, image: string) {
    super(HttpStatus.NOT_FOUND, 'image_not_found', `Product ${productId} has no image ${image}.`);
  }
}

/**
 * The product pictures whose URLs web-bff's answers carry (`/media/products/1/640.svg`, from
 * core-api's catalog): generated per product. Loaded by `<img>`, which sends no X-CSRF header:
 * exempt, as it reads public catalog data only and changes nothing.
 */
@ApiTags('media')
@CsrfExempt()
@Controller('media/products')
export class MediaController {
  constructor(private readonly core: CoreApiClient) {}

  @Get(':id/:image')
  @ApiOperation({
    summary:
      'A product picture (SVG, generated from the product): the URLs the page answers carry in `images` and `image`.',
  })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({
    description: 'The picture, `width` × `width` pixels.',
    content: { 'image/svg+xml': { schema: { type: 'string' } } },
    headers: {
      'Cache-Control': {
        description: 'Shared caches may keep it for a day.',
        schema: { type: 'string', example: PRODUCT_IMAGE_CACHE_CONTROL },
      },
    },
  })
  @ApiProblems(400, 404, 502, 503, 504)
  async image(
    @Param() { id, image }: ProductImageParamsDto,
    @Query() _query: EmptyQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const product = await this.core.getProduct(id);
    const width = Number.parseInt(image, 10);
    if (!product.images.some((i) => i.width === width && i.url.endsWith(`/${id}/${image}`)))
      throw new ProductImageNotFoundProblem(id, image);
    reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('cache-control', PRODUCT_IMAGE_CACHE_CONTROL);
    return productImageSvg(product, width);
  }
}
