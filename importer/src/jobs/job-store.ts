import { databaseKind, newId, systemClock } from '@tw/kernel';
import { DataSource, In, LessThan, MoreThan, Not } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { ImportBatch, ImportFileChunk, ImportRowError } from '../entities/import-blobs.entity';
import { ImportJob, JobStatus, RUNNING_STATUSES } from '../entities/import-job.entity';
import { RowIssue } from '../validate/issue';

export type NewJob = Pick<
  ImportJob,
  'id' | 'kind' | 'fileName' | 'fileSize' | 'fileFormat' | 'fileSha256' | 'subject' | 'role' | 'principalSchoolId' | 'school' | 'dryRun' | 'partial'
> & { readonly asOf?: string | null };

export interface Counters {
  rowsRead: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  /** rows held for the bureau's review (a school admin's held kinds): in `submissions`, not written */
  rowsSubmitted: number;
  rowsRejected: number;
  /** rows written (or, on a check, to be written) with warnings */
  rowsWarned: number;
}

/** A row the report shows: rejected (its errors, and any warnings), or written with warnings. */
export interface StoredError {
  readonly rowNumber: number;
  readonly sheet: string;
  readonly cells: readonly unknown[];
  readonly rejected: boolean;
  /** errors and warnings (severity 'warning') */
  readonly issues: readonly RowIssue[];
}

/** A kept row as the report reads it. */
export const storedRow = (r: Pick<ImportRowError, 'rowNumber' | 'sheet' | 'cells' | 'issues' | 'rejected'>): StoredError => ({
  rowNumber: Number(r.rowNumber),
  sheet: r.sheet,
  cells: JSON.parse(r.cells) as unknown[],
  rejected: !!r.rejected,
  issues: JSON.parse(r.issues) as RowIssue[],
});

/**
 * The importer's database: jobs, their uploaded files, validated batches and rejected rows. Every
 * change to a running job is made only by the instance that owns it (`owner`), so an instance that
 * lost its lease cannot overwrite what another decided.
 */
export class JobStore {
  constructor(readonly ds: DataSource) {}

  private get jobs() {
    return this.ds.getRepository(ImportJob);
  }

  async appendChunk(jobId: string, seq: number, data: Buffer): Promise<void> {
    await this.ds.getRepository(ImportFileChunk).insert({ jobId, seq, data });
  }

  /** The file's chunks in order, a few at a time (never the whole file in memory). */
  async *chunks(jobId: string): AsyncGenerator<Buffer> {
    const repo = this.ds.getRepository(ImportFileChunk);
    for (let seq = 0; ; seq += 8) {
      const rows = await repo.find({ where: { jobId, seq: In([0, 1, 2, 3, 4, 5, 6, 7].map((i) => seq + i)) }, order: { seq: 'ASC' } });
      for (const r of rows) yield Buffer.from(r.data);
      if (rows.length < 8) return;
    }
  }

  async deleteFile(jobId: string): Promise<void> {
    await this.ds.getRepository(ImportFileChunk).delete({ jobId });
  }

  async create(job: NewJob, now = systemClock.now()): Promise<ImportJob> {
    const row: ImportJob = {
      ...job,
      asOf: job.asOf ?? null,
      status: 'queued',
      rowsExpected: null,
      rowsRead: 0,
      rowsCreated: 0,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsSubmitted: 0,
      submissions: null,
      rowsRejected: 0,
      rowsWarned: 0,
      sheet: null,
      header: null,
      errorCode: null,
      errorMessage: null,
      owner: null,
      heartbeatAt: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      validationMs: null,
      writingMs: null,
    };
    await this.jobs.insert(row);
    return row;
  }

  get(id: string): Promise<ImportJob | null> {
    return this.jobs.findOneBy({ id });
  }

  /**
   * Claims the oldest queued job for `owner`. On MySQL/MariaDB the candidate row is locked with
   * FOR UPDATE SKIP LOCKED, so instances claiming at once take different jobs without waiting; on
   * SQLite (one writer at a time) an UPDATE that still requires status = 'queued' decides.
   */
  async claim(owner: string, now = systemClock.now()): Promise<ImportJob | null> {
    const set = { status: 'validating' as JobStatus, owner, heartbeatAt: now, startedAt: now };
    if (databaseKind(this.ds) === 'mysql') {
      const id = await this.ds.transaction(async (m) => {
        const rows: Array<{ id: string }> = await m.query(
          "SELECT id FROM import_job WHERE status = 'queued' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
        );
        if (!rows.length) return null;
        await m.getRepository(ImportJob).update({ id: rows[0].id }, set);
        return rows[0].id;
      });
      return id ? this.get(id) : null;
    }
    // one statement: SQLite runs one writer at a time, so the row it picks is still queued when it is taken
    const stamp = DateUtils.mixedDateToUtcDatetimeString(now);
    const rows: Array<{ id: string }> = await this.ds.query(
      `UPDATE import_job SET status = 'validating', owner = ?, heartbeat_at = ?, started_at = ?
       WHERE id = (SELECT id FROM import_job WHERE status = 'queued' ORDER BY created_at, id LIMIT 1) AND status = 'queued'
       RETURNING id`,
      [owner, stamp, stamp],
    );
    return rows.length ? this.get(rows[0].id) : null;
  }

  /** Updates a running job this instance owns; false when it no longer does (its lease was taken). */
  async update(id: string, owner: string, patch: Partial<ImportJob>, now = systemClock.now()): Promise<boolean> {
    const r = await this.jobs
      .createQueryBuilder()
      .update()
      .set({ ...patch, heartbeatAt: now })
      .where('id = :id AND owner = :owner AND status IN (:...running)', { id, owner, running: [...RUNNING_STATUSES] })
      .execute();
    return r.affected === 1;
  }

  /**
   * Marks failed every running job whose owner has not renewed its lease since `cutoff`, except
   * the asking instance's own (it knows they are alive, however late a renewal ran).
   */
  async failLost(cutoff: Date, self: string, now = systemClock.now()): Promise<string[]> {
    const lost = await this.jobs.find({ where: { status: In([...RUNNING_STATUSES]), heartbeatAt: LessThan(cutoff), owner: Not(self) }, select: { id: true } });
    const failed: string[] = [];
    for (const { id } of lost) {
      const r = await this.jobs
        .createQueryBuilder()
        .update()
        .set({
          status: 'failed',
          errorCode: 'INSTANCE_LOST',
          errorMessage: '导入程序在处理该任务时停止了（实例失联），任务已标记为失败。已写入的数据保留；重新上传同一文件即可补全，不会产生重复记录',
          finishedAt: now,
          owner: null,
        })
        .where('id = :id AND status IN (:...running) AND heartbeat_at < :cutoff AND owner <> :self', { id, running: [...RUNNING_STATUSES], cutoff, self })
        .execute();
      if (r.affected === 1) {
        failed.push(id);
        await this.cleanUp(id);
      }
    }
    return failed;
  }

  /**
   * Hands a running job this instance owns back to the queue (a graceful stop): its counters, kept
   * batches and reported rows are cleared, its file kept, and the next instance to claim it runs it
   * from the start. The batches already written are not undone: each was one transaction, and the
   * subgraphs answer them UNCHANGED when they come again. False when the job is no longer ours.
   */
  async requeue(id: string, owner: string): Promise<boolean> {
    const r = await this.jobs
      .createQueryBuilder()
      .update()
      .set({ status: 'queued', owner: null, heartbeatAt: null, startedAt: null, rowsExpected: null, rowsRead: 0, rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsSubmitted: 0, submissions: null, rowsRejected: 0, rowsWarned: 0 })
      .where('id = :id AND owner = :owner AND status IN (:...running)', { id, owner, running: [...RUNNING_STATUSES] })
      .execute();
    if (r.affected !== 1) return false;
    await this.ds.getRepository(ImportBatch).delete({ jobId: id });
    await this.ds.getRepository(ImportRowError).delete({ jobId: id });
    return true;
  }

  /**
   * What the metrics report of the queue: jobs queued, running, and failed since `failedSince`, with
   * the oldest queued job's creation and the oldest running job's start.
   */
  async queueFigures(failedSince: Date): Promise<{ queued: number; running: number; failed: number; oldestQueued: Date | null; oldestRunning: Date | null }> {
    const rows: Array<{ status: string; n: string | number; oldest_created: string | Date | null; oldest_started: string | Date | null }> = await this.jobs
      .createQueryBuilder('j')
      .select('j.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect('MIN(j.created_at)', 'oldest_created')
      .addSelect('MIN(j.started_at)', 'oldest_started')
      .where('j.status IN (:...open) OR (j.status = :failed AND j.finished_at >= :since)', { open: ['queued', ...RUNNING_STATUSES], failed: 'failed', since: failedSince })
      .groupBy('j.status')
      .getRawMany();
    const date = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v : new Date(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`));
    const out = { queued: 0, running: 0, failed: 0, oldestQueued: null as Date | null, oldestRunning: null as Date | null };
    for (const r of rows) {
      const n = Number(r.n);
      if (r.status === 'queued') {
        out.queued = n;
        out.oldestQueued = date(r.oldest_created);
      } else if (r.status === 'failed') out.failed = n;
      else {
        out.running += n;
        const started = date(r.oldest_started);
        if (started && (!out.oldestRunning || started < out.oldestRunning)) out.oldestRunning = started;
      }
    }
    return out;
  }

  /** Drops what a finished job no longer needs: its file and its validated batches. */
  async cleanUp(jobId: string): Promise<void> {
    await this.deleteFile(jobId);
    await this.ds.getRepository(ImportBatch).delete({ jobId });
  }

  async saveBatch(jobId: string, seq: number, payload: Buffer): Promise<void> {
    await this.ds.getRepository(ImportBatch).insert({ jobId, seq, payload });
  }

  /** The kept batches' keys, in file order. */
  async batchKeys(jobId: string): Promise<number[]> {
    const rows = await this.ds.getRepository(ImportBatch).find({ where: { jobId }, select: { seq: true }, order: { seq: 'ASC' } });
    return rows.map((r) => r.seq);
  }

  async loadBatch(jobId: string, seq: number): Promise<Buffer | null> {
    const b = await this.ds.getRepository(ImportBatch).findOneBy({ jobId, seq });
    return b ? Buffer.from(b.payload) : null;
  }

  /** Keeps rows for the report; `replace`: rows already kept (as warned) are replaced. */
  async saveErrors(jobId: string, errors: readonly StoredError[], replace = false): Promise<void> {
    const rows = errors.map((e) => ({ jobId, rowNumber: e.rowNumber, sheet: e.sheet.slice(0, 100), rejected: e.rejected, cells: JSON.stringify(e.cells), issues: JSON.stringify(e.issues) }));
    const repo = this.ds.getRepository(ImportRowError);
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      if (replace) await repo.delete({ jobId, rowNumber: In(chunk.map((r) => r.rowNumber)) });
      await repo.insert(chunk);
    }
  }

  /** Rejected rows (or, with `warned`, rows written with warnings) in row order, a page at a time. */
  async errors(jobId: string, afterRow: number, limit: number, warned = false): Promise<StoredError[]> {
    const rows = await this.ds.getRepository(ImportRowError).find({ where: { jobId, rejected: !warned, rowNumber: MoreThan(afterRow) }, order: { rowNumber: 'ASC' }, take: limit });
    return rows.map(storedRow);
  }

  newJobId(): string {
    return newId();
  }
}
