import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The uploaded file, in chunks, where every importer instance can read it: the instance that
 * claims the job is not necessarily the one that took the upload.
 */
@Entity('import_file_chunk')
export class ImportFileChunk {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36 }) jobId!: string;
  @PrimaryColumn({ type: 'int' }) seq!: number;
  @Column({ type: 'blob' }) data!: Buffer;
}

/** A batch of validated rows (gzipped JSON) kept between the validating and the writing pass. */
@Entity('import_batch')
export class ImportBatch {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36 }) jobId!: string;
  @PrimaryColumn({ type: 'int' }) seq!: number;
  @Column({ type: 'blob' }) payload!: Buffer;
}

/**
 * A row the report shows: its cells as read (JSON) and its problems (JSON): a rejected row, or one
 * written with warnings (`rejected` false).
 */
@Entity('import_row_error')
@Index('ix_import_row_error_kind', ['jobId', 'rejected', 'rowNumber'])
export class ImportRowError {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36 }) jobId!: string;
  @PrimaryColumn({ name: 'sheet_row', type: 'int' }) rowNumber!: number;
  @Column({ type: 'varchar', length: 100 }) sheet!: string;
  @Column({ type: 'boolean', default: true }) rejected!: boolean;
  @Column({ type: 'text' }) cells!: string;
  @Column({ type: 'text' }) issues!: string;
}
