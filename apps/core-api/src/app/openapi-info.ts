import { OpenApiInfo } from '@bff/platform-bootstrap';

export const openApiInfo: OpenApiInfo = {
  title: 'core-api',
  description:
    'The storefront domain service: catalog, reviews and inventory. Called only by the BFFs, never by a browser or an app.',
  version: '0.1.0',
};
