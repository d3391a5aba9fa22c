export * from './code-table';
export * from './person';
export * from './staff';
export * from './development';
export * from './governance';
export * from './compensation';
