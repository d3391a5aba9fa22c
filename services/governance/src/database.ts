import { DatabaseOptions, openDatabase } from '@tw/kernel';
import { DataSource } from 'typeorm';

export const ENTITIES: Function[] = [];
export const MIGRATIONS: Function[] = [];

/** Opens the governance database and runs its migrations. */
export function openGovernanceDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'governance', entities: ENTITIES, migrations: MIGRATIONS });
}
