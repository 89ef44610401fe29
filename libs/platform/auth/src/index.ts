export * from './lib/service-token';
export * from './lib/service-keys';
export * from './lib/dev-service-keys';
export * from './lib/dev-secret';
export * from './lib/public-route';
export * from './lib/personal-answers';
export * from './lib/jws-algorithms';
export * from './lib/answer-headers.openapi';
