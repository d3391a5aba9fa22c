import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { importRows, importRowsPerSecond, Logger, systemClock, withSpan, REVIEW_POLICY } from '@tw/kernel';
import { ImportJob, JobStatus } from '../entities/import-job.entity';
import { FileError } from '../file-error';
import { FileLimits } from '../guard/limits';
import { kindSpec } from '../kinds';
import { openSource } from '../read/read-file';
import { RowSource } from '../read/source';
import { readTable } from '../read/table';
import { loadMappings } from '../mappings/mapping-store';
import { CellValue } from '../spec/cell';
import { ColumnMappings } from '../spec/header';
import { KindSpec, ResolvedRefs, RowGroup, RowValues } from '../spec/kind-spec';
import { resolveRefs } from '../validate/resolve-refs';
import { findSchool, SchoolDirectory } from '../validate/references';
import { ReadRow, RowReader } from '../validate/row-reader';
import { BulkAnswer, BulkOptions, BulkRow, bulkWriter, BulkWriter } from './bulk-writer';
import { GatewayCallError, GraphQLCaller } from './gateway-caller';
import { Counters, JobStore } from './job-store';
import { collectGarbageWhen } from './memory';
import { BatchPipeline } from './pipeline';
import { mapRejection } from './rejections';

/** Why a run stopped early without deciding the job's outcome itself. */
export class RunStopped extends Error {
  constructor(readonly reason: 'lease-lost') {
    super(reason);
  }
}

export interface RunDeps {
  readonly store: JobStore;
  readonly gateway: GraphQLCaller;
  /** this instance */
  readonly owner: string;
  readonly limits: FileLimits;
  /** rows per bulk call (the bulk mutations take at most 1,000) */
  readonly batchSize: number;
  /** bulk calls in flight at once */
  readonly inFlight: number;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly tempDir?: string;
}

type Mode = 'partial' | 'check' | 'two-pass';

/** When a running import collects its garbage: the heap past this many MB, at most this often (see memory.ts). */
const GC_HEAP_MB = 160;
const GC_EVERY_MS = 2000;
type Outcome = { status: JobStatus; errorCode?: string; errorMessage?: string };

/** Warned rows a job keeps for its report (all are counted): a file whose every row has a classified word stays small. */
const MAX_KEPT_WARNINGS = 10_000;

/** The most characters of a message the job keeps: a TEXT column holds 65,535 bytes, and a Chinese character is 3. */
const MAX_STORED_MESSAGE = 2000;
const storedMessage = (m: string): string => (m.length > MAX_STORED_MESSAGE ? `${m.slice(0, MAX_STORED_MESSAGE)}…` : m);

/**
 * A batch kept between the passes: per target, what the subgraph kept of it (`prepare`) and which
 * of the batch's rows those are; and each row's number and cells, for the error report should a row
 * be refused when written.
 */
interface StoredBatch {
  readonly p: ReadonlyArray<Prepared | null>;
  readonly r: ReadonlyArray<{ readonly n: number; readonly c: readonly CellValue[] }>;
}

/** What a subgraph kept of a batch for one target: its id, and the batch's row of each kept input, by the input's index. */
interface Prepared {
  readonly id: string;
  readonly k: readonly number[];
}

/** A valid row of pass 1 and its input for each of the kind's targets (null: the row gives none). */
interface ReadyRow {
  readonly row: ReadRow;
  readonly inputs: ReadonlyArray<Record<string, unknown> | null>;
}

/** A row's outcome across the kind's targets: rejections, and what the subgraph said of it when it accepted it. */
interface RowOutcome {
  status: BulkRow['status'];
  readonly rejections: BulkRow[];
  readonly notices: BulkRow[];
}

/** Two parsed values are the same (dates and codes are strings, numbers numbers). */
const sameValue = (a: unknown, b: unknown) => (a === b ? true : JSON.stringify(a ?? null) === JSON.stringify(b ?? null));
const pick = (values: RowValues, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, values[k]]));


/**
 * Runs one claimed import job to its end.
 *
 * Pass 1 reads the file once, streaming, a batch of rows at a time: each row is read against the
 * kind's spec, its references resolved in batches through the gateway, duplicates in the file
 * found, and the valid rows sent to the subgraph's bulk mutation as a dry run that keeps the rows
 * it would create or update (`prepare`), so the subgraph's own rules (and its access rules, for the
 * user) are checked too. Reading the next batch overlaps the subgraph's work on the last. Only when
 * no row of the whole file was rejected does pass 2 commit what the subgraph kept, batch by batch:
 * by default a file with one bad row writes nothing. The rows cross the gateway once; the subgraph
 * plans them again when it writes them, against the data as it is then. With `partial`, one pass
 * writes the valid rows as it goes. Rows the dry run found unchanged are not kept, so importing the
 * same file twice writes nothing the second time.
 */
export async function runImport(job: ImportJob, deps: RunDeps): Promise<void> {
  const spec = kindSpec(job.kind);
  const run = new ImportRun(job, spec!, deps);
  // one trace per job (its id is not personal): each batch's span, and the gateway's, hang below it
  await withSpan('import.job', { 'tw.import.job': job.id, 'tw.import.kind': job.kind, 'tw.import.dry_run': job.dryRun }, () => run.execute(), { root: true });
}

class ImportRun {
  private readonly counters: Counters = { rowsRead: 0, rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsSubmitted: 0, rowsRejected: 0, rowsWarned: 0 };
  /** the submissions (service → id) the subgraphs put the job's held rows in */
  private readonly submissions = new Map<string, string>();
  /** warned rows kept for the report so far (see MAX_KEPT_WARNINGS) */
  private warnedKept = 0;
  /** the natural keys seen so far, per target: the row that had it (and its input, where repeats are allowed) */
  private readonly keys: Array<Map<string, { row: number; input?: string }>>;
  /** each group's first row, by group key */
  private readonly groups = new Map<RowGroup, Map<string, { row: number; values: RowValues; text: Record<string, string> }>>();
  private readonly schools: SchoolDirectory;
  private readonly writers: BulkWriter[];
  private reader?: RowReader;
  private jobSchoolId?: string;
  private mappings?: ColumnMappings;

  constructor(
    private readonly job: ImportJob,
    private readonly spec: KindSpec,
    private readonly d: RunDeps,
  ) {
    this.schools = new SchoolDirectory(d.gateway);
    this.writers = spec.targets.map((t) => bulkWriter(spec, t, d.gateway));
    this.keys = spec.targets.map(() => new Map());
    for (const g of spec.groups ?? []) this.groups.set(g, new Map());
  }

  async execute(): Promise<void> {
    const file = path.join(this.d.tempDir ?? os.tmpdir(), `tw-import-${this.job.id}`);
    const times = { validation: 0, writing: 0 };
    let outcome: Outcome;
    try {
      outcome = await this.passes(file, times);
    } catch (e) {
      if (e instanceof RunStopped || (this.d.signal.aborted && this.d.signal.reason === 'halt')) return;
      if (this.d.signal.aborted && this.d.signal.reason === 'requeue') {
        if (await this.d.store.requeue(this.job.id, this.d.owner)) this.d.logger.info('import job handed back to the queue', { job: this.job.id });
        return;
      }
      outcome = this.failure(e);
    } finally {
      fs.rmSync(file, { force: true });
    }
    const done = await this.d.store.update(this.job.id, this.d.owner, {
      ...this.counters,
      submissions: this.submissions.size ? JSON.stringify([...this.submissions].map(([key, id]) => ({ service: JSON.parse(key)[0], kind: JSON.parse(key)[1], id }))) : null,
      status: outcome.status,
      errorCode: outcome.errorCode ?? null,
      errorMessage: outcome.errorMessage === undefined ? null : storedMessage(outcome.errorMessage),
      finishedAt: systemClock.now(),
      validationMs: times.validation,
      writingMs: times.writing,
    });
    if (done) await this.d.store.cleanUp(this.job.id);
    this.measure(times);
  }

  /** The job's rows in the importer's metrics (what became of them, and how fast they went). */
  private measure(times: { validation: number; writing: number }): void {
    const kind = this.job.kind;
    const c = this.counters;
    importRows.inc({ kind, outcome: 'created' }, c.rowsCreated);
    importRows.inc({ kind, outcome: 'updated' }, c.rowsUpdated);
    importRows.inc({ kind, outcome: 'unchanged' }, c.rowsUnchanged);
    importRows.inc({ kind, outcome: 'submitted' }, c.rowsSubmitted);
    importRows.inc({ kind, outcome: 'rejected' }, c.rowsRejected);
    const ms = times.validation + (times.writing === times.validation ? 0 : times.writing);
    if (c.rowsRead > 0) importRowsPerSecond.set({ kind }, Math.round((c.rowsRead * 1000) / Math.max(1, ms)));
  }

  private async passes(file: string, times: { validation: number; writing: number }): Promise<Outcome> {
    await this.materialize(file);
    // the file is checked (and refused) before references are looked up
    const { source, rowsExpected } = await openSource(file, { fileName: this.job.fileName, limits: this.d.limits });
    if (rowsExpected !== undefined && !(await this.d.store.update(this.job.id, this.d.owner, { rowsExpected }))) throw new RunStopped('lease-lost');
    this.jobSchoolId = await this.jobSchool();
    // the headers this school mapped for the kind (a SCHOOL_ADMIN's, or the school the upload names)
    this.mappings = await loadMappings(this.d.store.ds, this.spec.school ? this.jobSchoolId : await this.uploadSchool(), this.spec.kind);
    const mode: Mode = this.job.partial ? 'partial' : this.job.dryRun ? 'check' : 'two-pass';
    let t = Date.now();
    await this.firstPass(source, mode);
    times.validation = Date.now() - t;
    if (this.counters.rowsRead === 0) throw new FileError('NO_DATA', `工作表“${this.job.sheet ?? ''}”在表头下没有数据行`);
    if (mode === 'partial') times.writing = times.validation;
    if (mode !== 'two-pass' || this.counters.rowsRejected > 0) return this.outcome(mode);
    if (!(await this.d.store.update(this.job.id, this.d.owner, { status: 'writing' }))) throw new RunStopped('lease-lost');
    t = Date.now();
    const rejected = await this.secondPass();
    times.writing = Date.now() - t;
    return rejected ?? this.outcome(mode);
  }

  private failure(e: unknown): Outcome {
    if (this.d.signal.aborted) {
      return { status: 'failed', errorCode: 'INTERRUPTED', errorMessage: '导入程序停止，任务被中断。已写入的数据保留；重新上传同一文件即可补全，不会产生重复记录' };
    }
    if (e instanceof FileError && e.detail) this.d.logger.info('file refused', { job: this.job.id, code: e.code, detail: e.detail });
    if (e instanceof FileError || e instanceof GatewayCallError) return { status: 'failed', errorCode: e.code, errorMessage: e.message };
    this.d.logger.error('import failed', { job: this.job.id, error: (e as Error).stack ?? String(e) });
    return { status: 'failed', errorCode: 'INTERNAL', errorMessage: `导入时发生内部错误：${(e as Error).message}` };
  }

  /** The outcome of a run whose passes all ran. */
  private outcome(mode: Mode): Outcome {
    const c = this.counters;
    if (c.rowsRejected === 0) return { status: 'succeeded' };
    const accepted = c.rowsCreated + c.rowsUpdated + c.rowsUnchanged;
    if (mode === 'partial' && accepted > 0) return { status: 'partially_succeeded', errorCode: 'ROWS_REJECTED', errorMessage: `${c.rowsRejected} 行被拒绝，其余 ${accepted} 行已导入` };
    if (mode === 'partial') return { status: 'failed', errorCode: 'ROWS_REJECTED', errorMessage: `全部 ${c.rowsRejected} 行被拒绝，未写入任何数据` };
    if (mode === 'check') return { status: 'failed', errorCode: 'ROWS_REJECTED', errorMessage: `试导入：${c.rowsRejected} 行未通过校验` };
    return { status: 'failed', errorCode: 'ROWS_REJECTED', errorMessage: `${c.rowsRejected} 行未通过校验，未写入任何数据。请按错误报告修改后重新上传` };
  }

  /** Copies the uploaded file from the database to a local temporary file, a few chunks at a time. */
  private async materialize(file: string): Promise<void> {
    const out = fs.createWriteStream(file);
    try {
      for await (const chunk of this.d.store.chunks(this.job.id)) {
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
    } finally {
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
    if (fs.statSync(file).size !== this.job.fileSize) throw new FileError('FILE_MISSING', '上传的文件不完整（存储的字节数与上传时不符），请重新上传');
  }


  /** The school rows without one belong to: the one the upload names, or a SCHOOL_ADMIN's own. */
  private async jobSchool(): Promise<string | undefined> {
    if (!this.spec.school) return undefined;
    return this.uploadSchool();
  }

  /** The school the upload names (resolved through the gateway), or a SCHOOL_ADMIN's own. */
  private async uploadSchool(): Promise<string | undefined> {
    const given = this.job.school?.trim();
    if (!given) return this.job.role === 'SCHOOL_ADMIN' ? (this.job.principalSchoolId ?? undefined) : undefined;
    const found = await findSchool(this.d.gateway, given);
    if (!found) throw new FileError('SCHOOL_NOT_FOUND', `上传时指明的学校“${given}”不存在：请填写学校标识码或与系统中完全一致的学校全称`);
    return found.id;
  }

  private checkSignal(): void {
    if (this.d.signal.aborted) throw new Error('aborted');
  }

  private async firstPass(source: RowSource, mode: Mode): Promise<void> {
    const limits = { maxRows: this.d.limits.maxRows, maxColumns: this.d.limits.maxColumns };
    // reading the next batch overlaps the subgraph's work on the last ones
    const pipeline = new BatchPipeline(this.d.inFlight);
    let batch: ReadRow[] = [];
    const flush = async () => {
      const rows = batch;
      batch = [];
      this.checkSignal();
      collectGarbageWhen(GC_HEAP_MB, GC_EVERY_MS);
      await pipeline.push(
        () => this.prepareBatch(rows),
        (send) => this.checkBatch(rows, send, mode),
      );
    };
    // a failure (a stop) waits for the batches in flight, so nothing of this run is written after it
    try {
      for await (const ev of readTable(source, this.spec, { schoolGiven: this.jobSchoolId !== undefined, limits, mappings: this.mappings })) {
        if (ev.type === 'header') {
          this.reader = new RowReader(this.spec, ev.header, ev.sheet);
          this.job.sheet = ev.sheet;
          const ok = await this.d.store.update(this.job.id, this.d.owner, { sheet: ev.sheet.slice(0, 100), header: JSON.stringify(ev.header.titles) });
          if (!ok) throw new RunStopped('lease-lost');
          continue;
        }
        batch.push(this.reader!.read(ev.row));
        if (batch.length >= this.d.batchSize) await flush();
      }
      if (batch.length) await flush();
      await pipeline.drain();
    } catch (e) {
      await pipeline.settle();
      throw e;
    }
  }

  /** Pass 1, in file order: a batch's references resolved, duplicates of earlier rows found, inputs made. */
  private async prepareBatch(rows: ReadRow[]): Promise<ReadyRow[]> {
    const reader = this.reader!;
    const candidates = rows.filter((r) => r.issues.length === 0);
    const outcomes = await resolveRefs(this.spec, candidates, { gateway: this.d.gateway, schools: this.schools, jobSchoolId: this.jobSchoolId });
    const send: ReadyRow[] = [];
    candidates.forEach((row, i) => {
      const o = outcomes[i];
      if (!o.ok) {
        const key = o.problem.key;
        row.issues.push(reader.issue(row.number, o.problem.code, o.problem.reason, key && reader.has(key) ? key : undefined, key ? reader.text(row, key) : undefined));
        return;
      }
      const prepared = this.inputsOf(row, o.refs);
      if (prepared) send.push(prepared);
    });
    return send;
  }

  /**
   * A valid row's input for each target, after the file-wide checks: a key seen on an earlier row is
   * a duplicate (a repeat of an equal record is sent once, where the target allows it), and rows of
   * one group must agree on the group's columns. Nothing is remembered of a row that fails.
   */
  private inputsOf(row: ReadRow, refs: ResolvedRefs): ReadyRow | undefined {
    const reader = this.reader!;
    const targets = this.spec.targets;
    const inputs: Array<Record<string, unknown> | null> = new Array(targets.length).fill(null);
    const fresh: Array<[number, string, string | undefined]> = [];
    let repeated = false;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      const input = target.toInput(row.values, refs);
      if (!input) continue;
      const key = target.key(row.values, refs);
      const first = this.keys[t].get(key);
      const same = target.repeats ? JSON.stringify(input) : undefined;
      if (first !== undefined) {
        if (target.repeats && first.input === same) {
          repeated = true;
          continue;
        }
        const col = target.keyColumn;
        row.issues.push(
          reader.issue(row.number, 'DUPLICATE_ROW', `与第 ${first.row} 行重复：两行的${this.spec.keyDescription}相同，是同一条记录。请删除或合并第 ${first.row} 行和第 ${row.number} 行`, col, reader.text(row, col)),
        );
        return undefined;
      }
      inputs[t] = input;
      fresh.push([t, key, same]);
    }
    for (const g of this.spec.groups ?? []) {
      const key = g.key(row.values);
      if (key === undefined) continue;
      const lead = this.groups.get(g)!.get(key);
      if (!lead) continue;
      const differs = g.columns.find((c) => !sameValue(lead.values[c], row.values[c]));
      if (differs !== undefined) {
        const shown = reader.text(row, differs);
        row.issues.push(
          reader.issue(row.number, g.code, `与第 ${lead.row} 行同一${g.what}“${key}”的“${reader.title(differs)}”不一致（第 ${lead.row} 行为“${lead.text[differs] ?? ''}”）：同一${g.what}各行的这些列须相同`, differs, shown),
        );
        return undefined;
      }
    }
    if (!fresh.length) {
      // every record of the row repeats an earlier row's: nothing of its own is left to send
      if (repeated) this.counters.rowsUnchanged++;
      else row.issues.push(reader.issue(row.number, 'NOTHING_TO_IMPORT', '该行没有可导入的内容'));
      return undefined;
    }
    for (const [t, key, same] of fresh) this.keys[t].set(key, { row: row.number, input: same });
    for (const g of this.spec.groups ?? []) {
      const key = g.key(row.values);
      const seen = this.groups.get(g)!;
      if (key !== undefined && !seen.has(key)) seen.set(key, { row: row.number, values: pick(row.values, g.columns), text: Object.fromEntries(g.columns.map((c) => [c, reader.text(row, c)])) });
    }
    return { row, inputs };
  }

  /**
   * Pass 1, possibly beside the next batch: the subgraph's run (a dry run; one that writes, with
   * `partial`), rejections recorded. In two passes, while no row of the file has been rejected, the
   * subgraph keeps the rows it would write (`prepare`) and the batch records what it kept, for pass 2
   * to commit without sending the rows again.
   */
  private async checkBatch(rows: ReadRow[], send: ReadyRow[], mode: Mode): Promise<void> {
    const reader = this.reader!;
    let keep: StoredBatch | undefined;
    if (send.length) {
      // once a row is rejected nothing will be written: the subgraph need not keep anything
      const prepare = mode === 'two-pass' && this.counters.rowsRejected === 0;
      const { outcomes, prepared } = await this.sendAll(
        send.map((s) => s.inputs),
        mode === 'partial' ? { dryRun: this.job.dryRun, partial: true } : prepare ? { prepare: true } : { dryRun: true },
      );
      // in the first of two passes created/updated are only what the writing pass would do
      this.count(outcomes, send.map((s) => s.row), reader, mode === 'two-pass' ? { ...this.counters } : this.counters);
      if (prepare && prepared.some((p) => p)) keep = { p: prepared, r: send.map((s) => ({ n: s.row.number, c: s.row.cells })) };
    }
    this.counters.rowsRead += rows.length;
    const rejected = rows.filter((r) => r.issues.length);
    const warned = rows.filter((r) => !r.issues.length && r.warnings.length);
    this.counters.rowsRejected += rejected.length;
    this.counters.rowsWarned += warned.length;
    // every rejected row is kept (the clerk fixes them); warned rows up to a bound (they were written)
    const keptWarned = warned.slice(0, Math.max(0, MAX_KEPT_WARNINGS - this.warnedKept));
    this.warnedKept += keptWarned.length;
    const problems = [...rejected, ...keptWarned].sort((a, b) => a.number - b.number);
    if (problems.length) {
      await this.d.store.saveErrors(
        this.job.id,
        problems.map((r) => ({ rowNumber: r.number, sheet: reader.sheet, cells: reader.display(r.cells), rejected: r.issues.length > 0, issues: [...r.issues, ...r.warnings] })),
      );
    }
    if (keep && this.counters.rowsRejected === 0) await this.d.store.saveBatch(this.job.id, rows[0].number, gzipSync(JSON.stringify(keep), { level: 1 }));
    if (!(await this.d.store.update(this.job.id, this.d.owner, { ...this.counters }))) throw new RunStopped('lease-lost');
  }

  /**
   * Sends a batch's inputs to each target's bulk mutation (targets one after another, in the spec's
   * order) and answers each row's outcome across them: rejected when any target rejected it, else
   * created when any created, updated when any updated, else unchanged; and, per target, what the
   * subgraph kept of the batch when asked to prepare.
   */
  private async sendAll(
    inputs: ReadonlyArray<ReadonlyArray<Record<string, unknown> | null>>,
    options: BulkOptions,
  ): Promise<{ outcomes: RowOutcome[]; prepared: Array<Prepared | null> }> {
    const outcomes: RowOutcome[] = inputs.map(() => ({ status: 'UNCHANGED', rejections: [], notices: [] }));
    const prepared: Array<Prepared | null> = this.spec.targets.map(() => null);
    for (let t = 0; t < this.spec.targets.length; t++) {
      const rows: number[] = [];
      const batch: Array<Record<string, unknown>> = [];
      inputs.forEach((x, k) => {
        const input = x[t];
        if (input) {
          rows.push(k);
          batch.push(input);
        }
      });
      if (!batch.length) continue;
      const answer = await this.writers[t](batch, this.dated(options));
      this.noteSubmission(t, answer);
      if (answer.prepared) prepared[t] = { id: answer.prepared, k: rows };
      this.merge(outcomes, answer, rows);
    }
    return { outcomes, prepared };
  }

  /** Adds one target's answer to the rows' outcomes; `rowOf` gives the batch's row of each input the answer numbers. */
  private merge(outcomes: Array<RowOutcome | undefined>, answer: BulkAnswer, rowOf: readonly number[]): void {
    for (const r of answer.rows) {
      const k = rowOf[r.index];
      const o = (outcomes[k] ??= { status: 'UNCHANGED', rejections: [], notices: [] });
      if (r.status === 'REJECTED') {
        o.status = 'REJECTED';
        o.rejections.push(r);
        continue;
      }
      if (r.code) o.notices.push(r);
      if (o.status === 'REJECTED') continue;
      if (r.status === 'CREATED' || (r.status === 'UPDATED' && (o.status === 'UNCHANGED' || o.status === 'SUBMITTED')) || (r.status === 'SUBMITTED' && o.status === 'UNCHANGED')) o.status = r.status;
    }
  }

  /**
   * Adds row outcomes to the counters; rejected rows get their issues on the columns of the fields,
   * and, with `notices`, accepted rows what the subgraph said of them as warnings (once: pass 2
   * hears them again).
   */
  private count(outcomes: readonly RowOutcome[], rows: readonly ReadRow[], reader: RowReader, into: Counters = this.counters, notices = true): void {
    outcomes.forEach((o, k) => {
      const row = rows[k];
      if (notices) for (const r of o.notices) row.warnings.push({ ...mapRejection(this.spec, reader, row, r), severity: 'warning' });
      if (o.status === 'REJECTED') for (const r of o.rejections) row.issues.push(mapRejection(this.spec, reader, row, r));
      else if (o.status === 'CREATED') into.rowsCreated++;
      else if (o.status === 'UPDATED') into.rowsUpdated++;
      else if (o.status === 'SUBMITTED') into.rowsSubmitted++;
      // unchanged rows are final in every mode: they are not sent again
      else this.counters.rowsUnchanged++;
    });
  }

  /**
   * Pass 2: each batch pass 1 checked is committed, target by target, in file order: the subgraph
   * writes the rows it kept, planning them again against the data as it is now. A row refused now
   * (the data changed since pass 1) is reported, and its batch is not written.
   */
  private async secondPass(): Promise<Outcome | undefined> {
    const reader = this.reader!;
    const pipeline = new BatchPipeline(this.d.inFlight);
    let failure: Outcome | undefined;
    try {
      for (const seq of await this.d.store.batchKeys(this.job.id)) {
        this.checkSignal();
        collectGarbageWhen(GC_HEAP_MB, GC_EVERY_MS);
        if (failure) break;
        await pipeline.push(
          async () => JSON.parse(gunzipSync((await this.d.store.loadBatch(this.job.id, seq))!).toString('utf8')) as StoredBatch,
          async (batch) => {
            const outcomes: Array<RowOutcome | undefined> = new Array(batch.r.length);
            for (let t = 0; t < batch.p.length; t++) {
              const kept = batch.p[t];
              if (kept) this.merge(outcomes, await this.commit(t, kept.id), kept.k);
            }
            const written = outcomes.flatMap((o, k) => (o ? [k] : []));
            const read: ReadRow[] = written.map((k) => ({ number: batch.r[k].n, cells: batch.r[k].c, values: {}, issues: [], warnings: [] }));
            this.count(
              written.map((k) => outcomes[k]!),
              read,
              reader,
              this.counters,
              false,
            );
            const rejected = read.filter((r) => r.issues.length);
            if (rejected.length) {
              this.counters.rowsRejected += rejected.length;
              // a row pass 1 kept as warned is replaced by its rejection
              await this.d.store.saveErrors(this.job.id, rejected.map((r) => ({ rowNumber: r.number, sheet: reader.sheet, cells: reader.display(r.cells), rejected: true, issues: r.issues })), true);
              failure ??= {
                status: 'failed',
                errorCode: 'WRITE_REJECTED',
                errorMessage: `写入时有 ${rejected.length} 行被拒绝（校验之后数据有变化），这些行所在的批次未写入；已写入的行保留。请按错误报告修改后重新上传同一文件，已写入的行不会重复`,
              };
            }
            if (!(await this.d.store.update(this.job.id, this.d.owner, { ...this.counters }))) throw new RunStopped('lease-lost');
          },
        );
      }
      await pipeline.drain();
    } catch (e) {
      await pipeline.settle();
      throw e;
    }
    return failure;
  }

  /** The options with the job's valid-from day (asOf), when it has one. */
  private dated(options: BulkOptions): BulkOptions {
    return this.job.asOf ? { ...options, asOf: this.job.asOf } : options;
  }

  /** Keeps the submission a target's answer put held rows in (an import's batches join one per service and kind). */
  private noteSubmission(t: number, answer: BulkAnswer): void {
    if (!answer.submission) return;
    const rule = REVIEW_POLICY.find((r) => r.mutation === this.spec.targets[t].mutation);
    this.submissions.set(JSON.stringify([rule?.service ?? this.spec.targets[t].mutation, rule?.kind ?? this.spec.kind]), answer.submission.id);
  }

  /** Writes what the subgraph kept of a batch for target `t`. */
  private async commit(t: number, prepared: string): Promise<BulkAnswer> {
    try {
      const answer = await this.writers[t]([], this.dated({ commit: prepared }));
      this.noteSubmission(t, answer);
      return answer;
    } catch (e) {
      if (e instanceof GatewayCallError && e.code === 'NOT_FOUND') {
        throw new FileError(
          'PREPARED_EXPIRED',
          '校验通过的数据在写入前已失效（校验后超过一小时才开始写入，或已被写入过）。请重新上传同一文件：已写入的行不会重复',
        );
      }
      throw e;
    }
  }
}
