export * from './platform';
export * from './migrations';
export * from './random';
export * from './processes';
