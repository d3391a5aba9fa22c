export * from './platform';
export * from './migrations';
export * from './callers';
