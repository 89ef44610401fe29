export * from './lib/state-store';
export * from './lib/clock';
export * from './lib/memory-state-store';
export * from './lib/redis-state-store';
export * from './lib/state.module';
