export * from './policy';
export * from './submission.entity';
export * from './submission.migration';
export * from './submit';
export * from './resolvers';
