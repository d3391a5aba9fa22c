import { DatabaseOptions, openDatabase } from '@tw/kernel';
import { DataSource } from 'typeorm';

export const ENTITIES: Function[] = [];
export const MIGRATIONS: Function[] = [];

/** Opens the professional-development database and runs its migrations. */
export function openProfessionalDevelopmentDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'professional-development', entities: ENTITIES, migrations: MIGRATIONS });
}
