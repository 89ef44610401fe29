import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { CoreApiClient } from '@bff/core-client';
import {
  PRODUCT_IMAGE_CACHE_CONTROL,
  PRODUCT_IMAGE_CONTENT_TYPE,
} from './api-product-image.decorator';
import { productImageSvg } from './product-image.svg';

/** The part of a reply (Fastify's) that `ProductImages.answer` sets headers on. */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/** 404: the product exists but lists no image at this width. */
export class ProductImageNotFoundProblem extends ProblemException {
  constructor(productId: number, image: string) {
    super(HttpStatus.NOT_FOUND, 'image_not_found', `Product ${productId} has no image ${image}.`);
  }
}

/**
 * The product pictures whose URLs core-api's catalog hands out (`/media/products/1/640.svg`),
 * drawn per product. Every BFF that passes those URLs on serves them with its own thin controller
 * (route, caching headers, OpenAPI) over this. Only a width the product lists in `images` is
 * drawn: an unknown product is core-api's 404 (`product_not_found`), an unlisted width
 * `image_not_found`.
 */
@Injectable()
export class ProductImages {
  constructor(private readonly core: CoreApiClient) {}

  /** The SVG of `image` (`<width>.svg`, as `ProductImageParamsDto` validated it). */
  async svg(id: number, image: string): Promise<string> {
    const product = await this.core.getProduct(id);
    const width = Number.parseInt(image, 10);
    if (!product.images.some((i) => i.width === width && i.url.endsWith(`/${id}/${image}`)))
      throw new ProductImageNotFoundProblem(id, image);
    return productImageSvg(product, width);
  }

  /**
   * The picture as a controller's answer: its SVG, with the content type and `Cache-Control`
   * every BFF sends for it set on `reply` (`@Res({ passthrough: true })`).
   */
  async answer(id: number, image: string, reply: HeaderSink): Promise<string> {
    const svg = await this.svg(id, image);
    reply.header('content-type', PRODUCT_IMAGE_CONTENT_TYPE);
    reply.header('cache-control', PRODUCT_IMAGE_CACHE_CONTROL);
    return svg;
  }
}
