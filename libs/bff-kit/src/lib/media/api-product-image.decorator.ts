import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponseCommonMetadata } from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';

/** The content type every BFF serves a product picture with. */
export const PRODUCT_IMAGE_CONTENT_TYPE = 'image/svg+xml; charset=utf-8';

/** A day in any cache: the picture of a product changes only with its name. */
export const PRODUCT_IMAGE_CACHE_CONTROL = 'public, max-age=86400';

/**
 * The OpenAPI description of a product-picture route: an SVG, or a problem (400 malformed id or
 * file name, 404 unknown product or width, 502/503/504 core-api). `headers` are the BFF's own
 * answer headers (its Cache-Control, an ETag…).
 */
export const ApiProductImage = (headers: NonNullable<ApiResponseCommonMetadata['headers']>) =>
  applyDecorators(
    ApiProduces('image/svg+xml'),
    ApiOkResponse({
      description: 'The picture, `width` × `width` pixels.',
      content: { 'image/svg+xml': { schema: { type: 'string' } } },
      headers,
    }),
    ApiProblems(400, 404, 502, 503, 504),
  );
