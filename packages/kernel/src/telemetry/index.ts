export * from './tracing';
export * from './metrics';
export * from './sql';
export * from './plugin';
