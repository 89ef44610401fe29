export * from './lib/route-flag';
