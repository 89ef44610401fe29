import { OpenApiInfo } from '@bff/platform-bootstrap';

export const openApiInfo: OpenApiInfo = {
  title: 'mobile-bff',
  description:
    'Backend for the native apps: one compact, screen-shaped answer per screen, versioned in the URL (/v1/…). Owned by the mobile team.',
  version: '0.1.0',
};
