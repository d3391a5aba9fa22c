export * from './audit-entry.entity';
export * from './audit-log.migration';
export * from './record';
export * from './audit-log.resolver';
