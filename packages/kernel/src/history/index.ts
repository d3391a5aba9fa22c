export * from './version-table';
export * from './versions';
export * from './valid-time';
export * from './timeline';
export * from './undo';
