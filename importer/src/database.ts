import { AuditEntry, CreateAuditLog1764400000000, DatabaseOptions, openDatabase } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { ImportBatch, ImportFileChunk, ImportRowError } from './entities/import-blobs.entity';
import { ImportColumnMapping } from './entities/import-column-mapping.entity';
import { ImportJob } from './entities/import-job.entity';
import { ImportJobs1764201600000 } from './migrations/1764201600000-import-jobs';
import { RowWarnings1765000000000 } from './migrations/1765000000000-row-warnings';
import { ImportAsOf1765100000000 } from './migrations/1765100000000-as-of';
import { ImportSubmissions1765300000000 } from './migrations/1765300000000-submissions';
import { ColumnMappings1765000000001 } from './migrations/1765000000001-column-mappings';

export const ENTITIES = [ImportJob, ImportFileChunk, ImportBatch, ImportRowError, ImportColumnMapping, AuditEntry];
export const MIGRATIONS = [ImportJobs1764201600000, RowWarnings1765000000000, CreateAuditLog1764400000000, ColumnMappings1765000000001, ImportAsOf1765100000000, ImportSubmissions1765300000000];

/** Opens the importer's own database (IMPORTER_DATABASE_URL, or data/importer.sqlite) and runs its migrations. */
export function openImporterDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'importer', entities: ENTITIES, migrations: MIGRATIONS });
}
