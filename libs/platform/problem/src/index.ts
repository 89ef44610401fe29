export * from './lib/problem';
export * from './lib/problem.filter';
export * from './lib/problem-details.dto';
export * from './lib/api-problems.decorator';
export * from './lib/validation';
