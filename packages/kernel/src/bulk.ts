import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { auditEntry, recordAudit } from './audit/record';
import { Principal } from './auth/principal';
import { Clock, systemClock } from './clock';
import { insertRows } from './database/insert-rows';
import { dropPrepared, findPrepared, keepPrepared, PreparedRow, sweepPrepared } from './database/prepared-bulk';
import { badInput } from './errors';
import { LocalDate } from './graphql/scalars';
import { recordVersions, VersionedChange } from './history/versions';
import { todayInChina } from './calendar';
import { isRejection, Rejection } from './row-rules';
import { currentRequestScope } from './request-scope';
import { holdingRule, isHeld } from './review/policy';
import { ApprovalOutcome, approvalRows, currentApproval, finishApproval, HeldRow, recordHash, storeSubmission, SubmissionRef } from './review/submit';
import { SubmissionRowStatus, SubmissionStatus } from './review/submission.entity';

/** The most rows one bulk call takes; the importer sends batches of this size. */
export const MAX_BULK_ROWS = 1000;

export enum RowStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(RowStatus, {
  name: 'RowStatus',
  description:
    "What a bulk call did (or, on a dry run or a rejected call, would do) with one row. SUBMITTED: a school admin's row the review policy holds (reviewPolicy): not written, kept in the call's submission for the bureau's review (待审核)",
});

@InputType({ description: 'How a bulk call writes' })
export class BulkOptions {
  @Field({ defaultValue: false, description: 'Validate every row and report, writing nothing' })
  dryRun: boolean = false;

  @Field({ defaultValue: false, description: 'Write the valid rows even when others are rejected (by default one rejected row writes nothing)' })
  partial: boolean = false;

  @Field({
    defaultValue: false,
    description:
      'Check every row as a dry run (nothing is written) and keep, in the service, the rows that would be written; the answer\'s `prepared` commits them later without sending them again. Nothing is kept when a row is rejected (unless `partial`)',
  })
  prepare: boolean = false;

  @Field(() => ID, {
    nullable: true,
    description:
      'Write the rows a `prepare` call kept, sending no rows: they are planned again against the data as it is now, so every rule applies as if they were sent again (a row rejected now writes nothing, unless `partial`). Only the user who prepared them can commit them, through the same mutation, within an hour, once',
  })
  commit?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day the rows took effect in the world (YYYY-MM-DD), for rows that carry no date of their own: the history keeps each change valid from that day (default: today in China). A 2024 roster imported in 2026 with asOf 2024-09-01 changes the district as of that day',
  })
  asOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the rows are written (kept with each version, at most 300 characters)' })
  reason?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A school admin's correction of an earlier submission of the same kind (its id): the rows held now form a new submission that names it, and the earlier one, if still pending, is withdrawn",
  })
  replaces?: string | null;
}

@ObjectType({ description: 'The submission a bulk call\'s held rows went to' })
@Directive('@shareable')
export class BulkSubmission {
  @Field(() => ID) id!: string;
  @Field(() => SubmissionStatus) status!: SubmissionStatus;
  @Field(() => Int, { description: 'Rows in the submission (an import\'s batches join one submission)' }) rows!: number;
}

@ObjectType({ description: "One input row's outcome" })
@Directive('@shareable')
export class RowResult {
  @Field(() => Int, { description: 'Position of the row in the input list, from 0' })
  index!: number;

  @Field({ description: 'The natural key the row was matched by, as text' })
  key!: string;

  @Field(() => RowStatus)
  status!: RowStatus;

  @Field(() => ID, { nullable: true, description: 'Id of the record created or updated' })
  id?: string;

  @Field({ nullable: true, description: 'Stable code of the rejection (e.g. ID_NUMBER_CHECK_DIGIT), or of a notice on an accepted row' })
  code?: string;

  @Field({ nullable: true, description: 'Why the row was rejected, or what the rules changed on an accepted row, for people (Chinese)' })
  message?: string;

  @Field({ nullable: true, description: 'The input field the rejection or notice is about' })
  field?: string;
}

@ObjectType({ description: 'What a bulk call did' })
@Directive('@shareable')
export class BulkResult {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int, { description: 'Rows held for review (SUBMITTED): not written, sent to the bureau in `submission`' }) submitted!: number;
  @Field() dryRun!: boolean;
  @Field({ description: 'Whether anything was written' }) written!: boolean;
  @Field(() => ID, { nullable: true, description: 'What a `prepare` call kept, to write with the `commit` option; null when nothing would be written' })
  prepared?: string | null;
  @Field(() => BulkSubmission, { nullable: true, description: 'The submission (待审核) the held rows went to; null when none was held, and on a dry run' })
  submission?: BulkSubmission | null;
  @Field(() => [RowResult], { description: 'One per row sent, in order (for a commit: one per row kept, `index` as in the prepare call)' })
  rows!: RowResult[];
}

/** How the writes of a bulk plan are audited: which record of a write, of which table. */
export interface AuditSpec<W> {
  /** the kind of record, as the audit log names it (teacher, pay_record…) */
  readonly entity: string;
  readonly target: EntityTarget<ObjectLiteral>;
  /** the record of this table a write carries (default: the write itself); undefined skips it */
  readonly recordOf?: (write: W) => { id: string } | undefined;
  readonly teacherIdOf?: (write: W) => string | null;
  /**
   * The day a write took effect in the world, from a date of its own (hire date, rotation start…),
   * YYYY-MM-DD; null or absent: the call's `asOf`, else today in China.
   */
  readonly validFromOf?: (write: W, before: ObjectLiteral | null) => string | null | undefined;
  /** false: the table keeps no versions (every audited table does by default: `<table>_version`) */
  readonly history?: boolean;
  /** false: no audit_log entry (the plan writes its own business snapshot), versions only */
  readonly log?: boolean;
}

/** What the plan decided for an accepted row, and what to write for it. */
export interface Accepted<W> {
  readonly status: RowStatus.CREATED | RowStatus.UPDATED | RowStatus.UNCHANGED;
  readonly id: string;
  readonly write?: W;
  /** something a person should know about an accepted row (a value the rules changed) */
  readonly notice?: Rejection;
}

export type Planned<W> = Accepted<W> | Rejection;


export interface BulkItem<R> {
  readonly index: number;
  readonly row: R;
  readonly key: string;
}

/** How one kind of record is upserted in bulk. Reads in `plan` are batched: never one query per row. */
export interface BulkPlan<R, W> {
  /** what the plan upserts (e.g. 'teachers'): prepared rows are committed only through the plan of this name */
  readonly name: string;
  /** the natural key as text (what makes a re-import an update) */
  key(row: R): string;
  /** validates every row and compares it with what is stored, in a few batched queries */
  plan(items: readonly BulkItem<R>[], manager: EntityManager): Promise<Planned<W>[]>;
  /** writes the accepted rows' changes (created and updated), in chunks */
  write(writes: W[], manager: EntityManager): Promise<void>;
  /**
   * Records every written row in the service's audit log (kernel AuditEntry), with the stored row
   * before the write read back by id in one query. A write that touches several tables (a training
   * participation and its programme) lists one spec per table.
   */
  audit?: AuditSpec<W> | readonly AuditSpec<W>[];
}

/**
 * Runs a bulk upsert in one transaction: duplicate keys in the call are rejected, every row is
 * planned before anything is written, and nothing is written on a dry run or when any row is
 * rejected (unless `partial`).
 *
 * `prepare` is a dry run that also keeps the rows it would write (see prepared-bulk.ts); `commit`
 * takes them back, in the transaction that writes them, and plans them again like rows just sent.
 * An importer checks a whole file with `prepare` and writes it with `commit`, so its rows cross the
 * network, and are coerced by GraphQL, once.
 *
 * `clock` is the request's (`ctx.clock`): a write with no date of its own and no `asOf` takes effect
 * on its day in China, so a pinned day (BUSINESS_DATE, testClock) writes history valid from that day.
 * The audit entries and the versions' `recorded_at` keep the real time.
 */
export async function runBulk<R, W>(ds: DataSource, sent: readonly R[], options: BulkOptions, plan: BulkPlan<R, W>, actor: Principal | undefined, clock: Clock): Promise<BulkResult> {
  const audits: readonly AuditSpec<W>[] = plan.audit ? (Array.isArray(plan.audit) ? plan.audit : [plan.audit as AuditSpec<W>]) : [];
  if (audits.length && !actor) throw new Error(`runBulk: auditing ${audits[0].entity} needs the principal who writes`);
  if (options.prepare && !actor) throw new Error('runBulk: prepared rows are kept for the principal who sends them: pass it');
  if (sent.length > MAX_BULK_ROWS) throw badInput(`A bulk call takes at most ${MAX_BULK_ROWS} rows; got ${sent.length}. Send them in batches.`);
  const commit = options.commit ?? undefined;
  if (commit !== undefined && (options.dryRun || options.prepare)) throw badInput('`commit` cannot be combined with `dryRun` or `prepare`');
  // the bureau's approval of a submission of this kind (review/submit.ts): its rows, written for the approver
  const approval = currentApproval(plan.name);
  // a commit's rows are the ones bulkRows handed out for it (or, for a plan that looks nothing up first, are read here)
  const rows = (commit !== undefined || approval) && !kept.has(sent) ? await bulkRows(ds, sent, options, plan.name, actor) : sent;
  const keptFor = commit !== undefined || approval ? kept.get(rows)! : undefined;
  if (keptFor && (keptFor.id !== (approval ? approval.submission.id : commit) || keptFor.plan !== plan.name)) throw new Error(`runBulk: rows kept for ${keptFor.plan} ${keptFor.id} passed to ${plan.name} ${commit}`);
  const writesNothing = options.dryRun || options.prepare;
  // a school admin's rows of a kind the review policy holds wait for the bureau instead of being written
  const holding = approval ? undefined : holdingRule(plan.name, actor);
  if (approval && !options.partial) throw new Error('runBulk: an approval writes the rows that pass (partial)');

  const results: RowResult[] = new Array(rows.length);
  let written = false;
  let prepared: string | null = null;
  let submission = null as SubmissionRef | null;
  await ds.transaction(async (manager) => {
    if (keptFor && !approval) await dropPrepared(manager, keptFor.id);
    const input: readonly PreparedRow<R>[] = rows.map((row, at) => ({ index: keptFor ? keptFor.indexes[at] : at, row }));
    const firstIndexOfKey = new Map<string, number>();
    const items: BulkItem<R>[] = [];
    const positions: number[] = [];
    input.forEach(({ index, row }, at) => {
      const key = plan.key(row);
      const first = firstIndexOfKey.get(key);
      if (first !== undefined) {
        results[at] = { index, key, status: RowStatus.REJECTED, code: 'DUPLICATE_KEY', message: `与本批第 ${first + 1} 条记录重复（${key}）` };
        return;
      }
      firstIndexOfKey.set(key, index);
      items.push({ index, row, key });
      positions.push(at);
    });

    const planned = items.length ? await plan.plan(items, manager) : [];
    const writes: W[] = [];
    const toKeep: PreparedRow<R>[] = [];
    const keyOfWrite = new Map<W, string>();
    planned.forEach((p, i) => {
      const { index, key, row } = items[i];
      const at = positions[i];
      if (isRejection(p)) {
        results[at] = { index, key, status: RowStatus.REJECTED, code: p.code, message: p.message, field: p.field };
      } else {
        results[at] = { index, key, status: p.status, id: p.id, ...(p.notice ? { code: p.notice.code, message: p.notice.message, field: p.notice.field } : {}) };
        if (p.write !== undefined && p.status !== RowStatus.UNCHANGED) {
          writes.push(p.write);
          keyOfWrite.set(p.write, key);
          toKeep.push({ index, row });
        }
      }
    });
    // the stored record each write replaces (of the first audited table): what review compares and keeps
    const primary = audits[0];
    const recordOfWrite = (w: W) => (primary?.recordOf ? primary.recordOf(w) : (w as unknown as { id: string }));
    const primaryBefore = (holding || approval) && primary && writes.length ? await storedRows(manager, primary.target, writes.map((w) => recordOfWrite(w)?.id).filter((id): id is string => !!id)) : new Map<string, ObjectLiteral>();
    const beforeOf = (w: W) => {
      const r = recordOfWrite(w);
      return r ? (primaryBefore.get(r.id) ?? null) : null;
    };
    const held: HeldRow<R>[] = [];
    const resultAt = new Map(results.map((r, at) => [r.index, at]));
    const outcomes: ApprovalOutcome[] = [];
    if (holding) {
      // held rows leave the writes: the answer says SUBMITTED, the same for a new record and for one another school holds
      for (let i = writes.length - 1; i >= 0; i--) {
        const w = writes[i];
        const record = recordOfWrite(w) as ObjectLiteral | undefined;
        const before = beforeOf(w);
        if (!record || !isHeld(holding, before, record)) continue;
        const { index, row } = toKeep[i];
        const r = resultAt.get(index)!;
        results[r] = { index, key: results[r].key, status: RowStatus.SUBMITTED, code: 'SUBMITTED', message: `已报送，待区教育局审核（${holding.title}）` };
        held.unshift({ index, key: results[r].key, row, recordId: record.id as string, teacherId: primary?.teacherIdOf?.(w) ?? (typeof record.teacherId === 'string' ? record.teacherId : null), before, after: record });
        writes.splice(i, 1);
      }
    }
    if (approval) {
      // a row whose record changed since it was sent is a conflict: not written
      const sentRow = new Map(approval.rows.map((r) => [r.position, r]));
      planned.forEach((p, i) => {
        const position = items[i].index;
        if (isRejection(p)) outcomes.push({ position, status: SubmissionRowStatus.REFUSED, message: `${p.code}：${p.message}` });
        else if (p.write === undefined || p.status === RowStatus.UNCHANGED) outcomes.push({ position, status: SubmissionRowStatus.APPROVED, message: null });
      });
      for (let i = writes.length - 1; i >= 0; i--) {
        const w = writes[i];
        const position = toKeep[i].index;
        if (recordHash(beforeOf(w)) === sentRow.get(position)!.beforeHash) {
          outcomes.push({ position, status: SubmissionRowStatus.APPROVED, message: null });
          continue;
        }
        const r = resultAt.get(position)!;
        const message = '该记录在报送之后已被修改，未写入：请退回学校核对后重新报送';
        results[r] = { index: position, key: results[r].key, status: RowStatus.REJECTED, code: 'SUBMISSION_CONFLICT', message };
        outcomes.push({ position, status: SubmissionRowStatus.CONFLICT, message });
        writes.splice(i, 1);
        toKeep.splice(i, 1);
      }
    }
    const anyRejected = results.some((r) => r.status === RowStatus.REJECTED);
    if (anyRejected && !options.partial) return;
    if (options.prepare && (toKeep.length || held.length)) prepared = await keepPrepared(manager, plan.name, actor, toKeep);
    const at = systemClock.now();
    if (approval && !writesNothing) await finishApproval(manager, approval, outcomes, at);
    if (writesNothing) return;
    if (holding && held.length) {
      const scope = currentRequestScope();
      submission = await storeSubmission(
        manager,
        { rule: holding, actor: actor!, asOf: options.asOf ?? todayInChina(clock), reason: options.reason ?? null, replaces: options.replaces ?? null, importJobId: actor?.actingService ? (scope?.importJobId ?? null) : null, at },
        held,
      );
    }
    if (writes.length === 0) return;
    const records = audits.map((spec) => {
      const byWrite = writes.map((w) => [w, spec.recordOf ? spec.recordOf(w) : (w as { id: string })] as const).filter((x): x is readonly [W, { id: string }] => !!x[1]);
      return { spec, byWrite };
    });
    const before = await Promise.all(records.map(({ spec, byWrite }, i) => (i === 0 && (holding || approval) ? Promise.resolve(primaryBefore) : storedRows(manager, spec.target, byWrite.map(([, r]) => r.id)))));
    await plan.write(writes, manager);
    if (actor && records.length) {
      // the audit says when it really happened, whatever day the rules take as today (`at`)
      const entries = records.flatMap(({ spec, byWrite }, i) =>
        spec.log === false ? [] : byWrite.map(([w, record]) =>
          auditEntry(actor, { entity: spec.entity, entityId: record.id, key: keyOfWrite.get(w) ?? record.id, teacherId: spec.teacherIdOf?.(w) ?? null, before: before[i].get(record.id) ?? null, after: record }, at),
        ),
      );
      await recordAudit(manager, entries);
      const day = options.asOf ?? todayInChina(clock);
      const changes = records.flatMap(({ spec, byWrite }, i) =>
          spec.history === false ? [] : byWrite.map(([w, record]): VersionedChange => ({ target: spec.target, id: record.id, before: before[i].get(record.id) ?? null, after: record, validFrom: spec.validFromOf?.(w, before[i].get(record.id) ?? null) || day })),
        );
      if (changes.length) await recordVersions(manager, { principal: actor, reason: options.reason ?? null, at }, changes);
    }
    written = true;
  });

  if (options.prepare) await sweepPrepared(ds);
  const count = (s: RowStatus) => results.filter((r) => r.status === s).length;
  return {
    created: count(RowStatus.CREATED),
    updated: count(RowStatus.UPDATED),
    unchanged: count(RowStatus.UNCHANGED),
    rejected: count(RowStatus.REJECTED),
    submitted: count(RowStatus.SUBMITTED),
    dryRun: writesNothing,
    written,
    prepared,
    submission,
    rows: results,
  };
}

/** Rows bulkRows read back for a commit: the prepared call's id and plan, and each row's index in it. */
const kept = new WeakMap<readonly unknown[], { readonly id: string; readonly plan: string; readonly indexes: readonly number[] }>();

/**
 * The rows a bulk call is about: the rows sent or, with `commit`, the rows the `prepare` call kept
 * (for `plan`, the BulkPlan's name, and the principal who prepared them). A resolver that looks up
 * what the rows name before runBulk (teachers in personnel, say) looks up these, and passes these
 * to runBulk.
 */
export async function bulkRows<R>(ds: DataSource, sent: readonly R[], options: BulkOptions | null, plan: string, actor: Principal | undefined): Promise<readonly R[]> {
  const approval = currentApproval(plan);
  if (approval) {
    if (sent.length || options?.commit) throw badInput('An approval writes the rows of its submission: send no rows with it');
    const { rows, positions } = approvalRows<R>(approval);
    kept.set(rows, { id: approval.submission.id, plan, indexes: positions });
    return rows;
  }
  const commit = options?.commit ?? undefined;
  if (commit === undefined) return sent;
  if (sent.length) throw badInput('A call with `commit` writes the rows its `prepare` call kept: send no rows with it');
  const found = await findPrepared<R>(ds.manager, commit, plan, actor);
  const rows = found.map((f) => f.row);
  kept.set(rows, { id: commit, plan, indexes: found.map((f) => f.index) });
  return rows;
}

/** The stored rows the writes are about to replace, by id (one query a 1,000 ids). */
async function storedRows(manager: EntityManager, target: EntityTarget<ObjectLiteral>, ids: readonly string[]): Promise<Map<string, ObjectLiteral>> {
  const out = new Map<string, ObjectLiteral>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await manager.getRepository(target).findBy({ id: In(ids.slice(i, i + 1000)) });
    for (const r of rows) out.set(r.id as string, r);
  }
  return out;
}

/**
 * Inserts rows, or updates `columns` of rows whose primary key `id` exists, a chunk per statement.
 * Works the same on MySQL (ON DUPLICATE KEY UPDATE) and SQLite (ON CONFLICT DO UPDATE).
 */
export async function upsertById<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
  columns: readonly string[],
): Promise<void> {
  await insertRows(manager, target, rows, columns);
}
