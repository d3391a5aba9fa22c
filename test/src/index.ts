export * from './platform';
export * from './migrations';
