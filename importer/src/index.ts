import type { ServiceModule } from '@tw/kernel';
import { openImporterDatabase } from './database';
import { buildImporterSchema } from './schema';
import { startImporter } from './server';

export { buildImporterSchema, openImporterDatabase, startImporter };
export type { ImporterHandle, ImporterServerOptions } from './server';
export { ENTITIES, MIGRATIONS } from './database';
export { readImporterSettings } from './config';
export type { ImporterSettings } from './config';
export { DEFAULT_FILE_LIMITS } from './guard/limits';
export type { FileLimits } from './guard/limits';
export { guardXlsx } from './guard/zip-guard';
export { sniffFormat } from './guard/sniff';
export { FileError } from './file-error';
export * from './kinds';
export type { KindSpec, KindTarget, KindDefinition, ColumnSpec, ResolvedRefs, RowGroup } from './spec/kind-spec';
export { readDate } from './spec/dates';
export { writeKindXlsx, cellFor } from './generate/write-kind-xlsx';
export type { SchoolFileOptions } from './generate/write-kind-xlsx';
export { renderKindsDoc } from './docs/kinds-doc';
export { detectCsvEncoding } from './read/csv-source';
export { neutralise } from './report/neutralise';
export { JobStore } from './jobs/job-store';
export { ImportWorker } from './jobs/worker';

/** The contract every service exports (see ServiceModule). */
export const buildServiceSchema: ServiceModule['buildServiceSchema'] = buildImporterSchema;
export const openServiceDatabase: ServiceModule['openServiceDatabase'] = openImporterDatabase;
export const startServiceServer: ServiceModule['startServiceServer'] = startImporter;
export { readKindFile, openSource } from './read/read-file';
export type { KindFileEvent, ReadFileOptions } from './read/read-file';
export { runImportCli } from './cli/import-cli';
export type { CliIO } from './cli/import-cli';
export { defineKind, isRequired } from './spec/kind-spec';
export type { RowValues, SchoolReference, TeacherReference, Requirement } from './spec/kind-spec';
export { bool, coded, date, endDate, idNumber, int, month, schoolCode, staffStatus, text, year, yuan } from './spec/column-types';
export type { ColumnType, Parsed } from './spec/column-types';
