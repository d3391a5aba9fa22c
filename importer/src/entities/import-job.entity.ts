import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where an import job stands. */
export const JOB_STATUSES = ['queued', 'validating', 'writing', 'succeeded', 'failed', 'partially_succeeded'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const RUNNING_STATUSES: readonly JobStatus[] = ['validating', 'writing'];
export const FINISHED_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'partially_succeeded'];

/** An import: the file, who started it and how, where it stands, and what it did. */
@Entity('import_job')
@Index('ix_import_job_status', ['status', 'createdAt'])
@Index('ix_import_job_school', ['principalSchoolId', 'createdAt'])
export class ImportJob {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 30 }) kind!: string;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName!: string;
  @Column({ name: 'file_size', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) fileSize!: number;
  @Column({ name: 'file_format', type: 'varchar', length: 10 }) fileFormat!: string;
  @Column({ name: 'file_sha256', type: 'varchar', length: 64 }) fileSha256!: string;
  /** who started it */
  @Column({ type: 'varchar', length: 200 }) subject!: string;
  @Column({ type: 'varchar', length: 20 }) role!: string;
  @Column({ name: 'principal_school_id', type: 'varchar', length: 36, nullable: true }) principalSchoolId!: string | null;
  /** the school the upload names (--school), as given */
  @Column({ type: 'varchar', length: 100, nullable: true }) school!: string | null;
  @Column({ name: 'dry_run', type: 'boolean' }) dryRun!: boolean;
  @Column({ type: 'boolean' }) partial!: boolean;
  /** the day the file's rows took effect (upload field asOf, CLI --as-of), passed to every bulk call; null: today */
  @Column({ name: 'as_of', type: 'date', nullable: true }) asOf!: string | null;
  @Column({ type: 'varchar', length: 24 }) status!: JobStatus;
  /** the data sheet's rows as the file declares them, known once the file is checked (for progress bars) */
  @Column({ name: 'rows_expected', type: 'int', nullable: true }) rowsExpected!: number | null;
  @Column({ name: 'rows_read', type: 'int' }) rowsRead!: number;
  @Column({ name: 'rows_created', type: 'int' }) rowsCreated!: number;
  @Column({ name: 'rows_updated', type: 'int' }) rowsUpdated!: number;
  @Column({ name: 'rows_unchanged', type: 'int' }) rowsUnchanged!: number;
  /** rows the review policy held: sent to the bureau as submissions (issue 15), not written */
  @Column({ name: 'rows_submitted', type: 'int', default: 0 }) rowsSubmitted!: number;
  /** the submissions the job's held rows went to (JSON array of { service, id }) */
  @Column({ type: 'text', nullable: true }) submissions!: string | null;
  @Column({ name: 'rows_rejected', type: 'int' }) rowsRejected!: number;
  /** rows written (or, on a check, to be written) with warnings: a word classified, a date form guessed, text cut */
  @Column({ name: 'rows_warned', type: 'int', default: 0 }) rowsWarned!: number;
  /** the sheet read, and its header cells (JSON array) for the error report */
  @Column({ type: 'varchar', length: 100, nullable: true }) sheet!: string | null;
  @Column({ type: 'text', nullable: true }) header!: string | null;
  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true }) errorCode!: string | null;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage!: string | null;
  /** the instance running it, and when that instance last said it still is (its lease) */
  @Column({ type: 'varchar', length: 36, nullable: true }) owner!: string | null;
  @Column({ name: 'heartbeat_at', type: 'datetime', nullable: true }) heartbeatAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'datetime', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'datetime', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'validation_ms', type: 'int', nullable: true }) validationMs!: number | null;
  @Column({ name: 'writing_ms', type: 'int', nullable: true }) writingMs!: number | null;
}
