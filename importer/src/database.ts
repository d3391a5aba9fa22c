import { DatabaseOptions, openDatabase } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { ImportBatch, ImportFileChunk, ImportRowError } from './entities/import-blobs.entity';
import { ImportJob } from './entities/import-job.entity';
import { ImportJobs1764201600000 } from './migrations/1764201600000-import-jobs';

export const ENTITIES = [ImportJob, ImportFileChunk, ImportBatch, ImportRowError];
export const MIGRATIONS = [ImportJobs1764201600000];

/** Opens the importer's own database (IMPORTER_DATABASE_URL, or data/importer.sqlite) and runs its migrations. */
export function openImporterDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'importer', entities: ENTITIES, migrations: MIGRATIONS });
}
