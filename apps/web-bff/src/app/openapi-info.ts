import { OpenApiInfo } from '@bff/platform-bootstrap';

export const openApiInfo: OpenApiInfo = {
  title: 'web-bff',
  description:
    'Backend for the browser storefront: one page-shaped answer per page, built from core-api. Owned by the web team.',
  version: '0.1.0',
};
