import { DatabaseOptions, openDatabase } from '@tw/kernel';
import { DataSource } from 'typeorm';

export const ENTITIES: Function[] = [];
export const MIGRATIONS: Function[] = [];

/** Opens the compensation database and runs its migrations. */
export function openCompensationDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'compensation', entities: ENTITIES, migrations: MIGRATIONS });
}
