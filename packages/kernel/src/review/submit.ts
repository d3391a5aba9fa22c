import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { Principal } from '../auth/principal';
import { AppError, ErrorCode, notFound } from '../errors';
import { newId } from '../ids';
import { insertRows } from '../database/insert-rows';
import { ReviewRule } from './policy';
import { Submission, SubmissionEvent, SubmissionRow, SubmissionRowOp, SubmissionRowStatus, SubmissionStatus } from './submission.entity';

// The review flow inside the bulk path (kernel bulk.ts calls these in runBulk's transaction):
// a SCHOOL_ADMIN's held rows are stored as a submission instead of written; the bureau's approval runs
// the kind's bulk mutation again with the submission's rows (runApproval), re-planned against the data
// as it is then, and a row whose record changed since it was sent is a conflict, not written.

/** A held row as runBulk planned it. */
export interface HeldRow<R = unknown> {
  readonly index: number;
  readonly key: string;
  readonly row: R;
  readonly recordId: string;
  readonly teacherId: string | null;
  readonly before: ObjectLiteral | null;
  readonly after: ObjectLiteral;
}

/** What the bulk answer says of a submission. */
export interface SubmissionRef {
  readonly id: string;
  readonly status: SubmissionStatus;
  readonly rows: number;
}

/** The day-independent fingerprint of a stored record (or of none), to tell a conflict at approval. */
export function recordHash(before: ObjectLiteral | null): string {
  return createHash('sha256').update(before ? JSON.stringify(before, bigints) : 'none').digest('hex');
}

/** JSON of records whose money columns are bigint (fen): written as text. */
const bigints = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

const HIDDEN = new Set(['id', 'createdAt', 'updatedAt']);
/** A record as JSON for people (no id, no bookkeeping times). */
function shown(r: ObjectLiteral | null): string | null {
  if (!r) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k, v]) => !HIDDEN.has(k) && typeof v !== 'function' && (v === null || typeof v !== 'object' || v instanceof Date))), bigints);
}

export interface SubmitOptions {
  readonly rule: ReviewRule;
  readonly actor: Principal;
  readonly asOf: string;
  readonly reason: string | null;
  readonly replaces: string | null;
  readonly importJobId: string | null;
  readonly at: Date;
}

/**
 * Stores held rows as a submission of the actor's school (in the bulk call's transaction). The rows
 * of one import job and kind join one submission while it is pending. With `replaces`, the
 * submission corrects an earlier one of the same school and kind, which is withdrawn if still pending.
 */
export async function storeSubmission(m: EntityManager, o: SubmitOptions, held: readonly HeldRow[]): Promise<SubmissionRef> {
  const schoolId = o.actor.schoolId;
  if (!schoolId) throw new Error('storeSubmission: only a school admin\'s writes are held');
  const repo = m.getRepository(Submission);
  let sub: Submission | null = null;
  if (o.importJobId) {
    sub = await repo.findOneBy({ importJobId: o.importJobId, kind: o.rule.kind, schoolId, status: SubmissionStatus.PENDING, submittedBy: o.actor.subject });
  }
  if (o.replaces && !sub) {
    const old = await repo.findOneBy({ id: o.replaces });
    // another school's submission answers as an unknown one
    if (!old || old.schoolId !== schoolId || old.kind !== o.rule.kind) throw notFound(`没有可更正的报送单“${o.replaces}”（须为本校同类报送）`);
    if (old.status === SubmissionStatus.PENDING) await closeRows(m, old, SubmissionStatus.WITHDRAWN, o.actor, o.at, 'REPLACED', '已被更正后的报送替代');
  }
  const transfers = held.filter((h) => isTransfer(h, schoolId)).length;
  const start = sub?.rowCount ?? 0;
  if (!sub) {
    sub = repo.create({
      id: newId(),
      service: o.rule.service,
      kind: o.rule.kind,
      schoolId,
      status: SubmissionStatus.PENDING,
      submittedAt: o.at,
      submittedBy: o.actor.subject,
      actingService: o.actor.actingService ?? null,
      importJobId: o.importJobId,
      asOf: o.asOf,
      reason: o.reason,
      replacesId: o.replaces,
      rowCount: held.length,
      pendingRows: held.length,
      approvedRows: 0,
      transferRows: transfers,
      decidedAt: null,
      decidedBy: null,
      returnReason: null,
      updatedAt: o.at,
    });
    await repo.insert(sub);
    await addEvent(m, sub.id, o.actor, o.at, 'SUBMITTED', held.length, o.reason);
  } else {
    await repo.update({ id: sub.id }, { rowCount: start + held.length, pendingRows: sub.pendingRows + held.length, transferRows: sub.transferRows + transfers, updatedAt: o.at });
    await addEvent(m, sub.id, o.actor, o.at, 'APPENDED', held.length, null);
  }
  const rows = held.map((h, i): SubmissionRow => ({
    id: newId(),
    submissionId: sub!.id,
    position: start + i,
    key: h.key.slice(0, 300),
    op: isTransfer(h, schoolId) ? SubmissionRowOp.TRANSFER : h.before ? SubmissionRowOp.UPDATE : SubmissionRowOp.CREATE,
    status: SubmissionRowStatus.PENDING,
    recordId: h.recordId,
    teacherId: h.teacherId,
    payload: v8.serialize(h.row),
    before: shown(h.before),
    after: shown(h.after)!,
    beforeHash: recordHash(h.before),
    message: null,
  }));
  await insertRows(m, SubmissionRow, rows);
  return { id: sub.id, status: SubmissionStatus.PENDING, rows: start + held.length };
}

/** A held row about a record another school holds now (a teacher registered by a second school). */
function isTransfer(h: HeldRow, schoolId: string): boolean {
  return !!h.before && typeof h.before.schoolId === 'string' && h.before.schoolId !== schoolId;
}

async function addEvent(m: EntityManager, submissionId: string, actor: Principal, at: Date, action: string, rows: number, note: string | null): Promise<void> {
  await m.getRepository(SubmissionEvent).insert({ id: newId(), submissionId, at, actorSubject: actor.subject, actorRole: actor.role, action, rows, note: note ? note.slice(0, 500) : null });
}

/** Rows waiting for a decision: pending, or refused by approval (a conflict, the rules) and to be returned. */
export const UNDECIDED = [SubmissionRowStatus.PENDING, SubmissionRowStatus.CONFLICT, SubmissionRowStatus.REFUSED];

/**
 * Closes the rows still waiting (pending or in conflict) with `rowStatus` (withdrawn or returned), or
 * only those at `positions`, and sets the submission's status from what is left.
 */
export async function closeRows(
  m: EntityManager,
  sub: Submission,
  to: SubmissionStatus.WITHDRAWN | SubmissionStatus.RETURNED,
  actor: Principal,
  at: Date,
  action: string,
  note: string | null,
  positions?: readonly number[],
): Promise<number> {
  const rowStatus = to === SubmissionStatus.WITHDRAWN ? SubmissionRowStatus.WITHDRAWN : SubmissionRowStatus.RETURNED;
  const qb = m.createQueryBuilder().update(SubmissionRow).set({ status: rowStatus, message: note }).where('submission_id = :id', { id: sub.id }).andWhere('status IN (:...open)', { open: UNDECIDED });
  if (positions) qb.andWhere('position IN (:...positions)', { positions: positions.length ? positions : [-1] });
  const r = await qb.execute();
  const closed = r.affected ?? 0;
  if (!closed) throw new AppError(ErrorCode.CONFLICT, `报送单“${sub.id}”没有待审核的行`, { reason: 'SUBMISSION_NOT_PENDING' });
  await settle(m, sub, actor, at, to, to === SubmissionStatus.RETURNED ? note : null);
  await addEvent(m, sub.id, actor, at, action, closed, note);
  return closed;
}

/** Recounts a submission's rows and sets its status: pending while a row waits, else `closing` (approved when every row decided was approved). */
async function settle(m: EntityManager, sub: Submission, actor: Principal, at: Date, closing: SubmissionStatus, returnReason: string | null): Promise<void> {
  const counts = (await m.query('SELECT status, COUNT(*) AS n FROM submission_row WHERE submission_id = ? GROUP BY status', [sub.id])) as Array<{ status: string; n: number | string }>;
  const n = (s: SubmissionRowStatus) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  const pendingRows = UNDECIDED.reduce((sum, s) => sum + n(s), 0);
  const approvedRows = n(SubmissionRowStatus.APPROVED);
  const status = pendingRows > 0 ? SubmissionStatus.PENDING : closing;
  await m.getRepository(Submission).update(
    { id: sub.id },
    { pendingRows, approvedRows, status, decidedAt: at, decidedBy: actor.subject, updatedAt: at, ...(returnReason ? { returnReason } : {}) },
  );
}

/** An approval in progress: the submission, the rows the bureau approves, and what became of each. */
export interface Approval {
  readonly submission: Submission;
  readonly rows: readonly SubmissionRow[];
  readonly approver: Principal;
  readonly note: string | null;
}

const approvals = new AsyncLocalStorage<Approval>();

/** Runs `fn` (the kind's bulk mutation, executed for the approver) as the approval of `a`. */
export function runApproval<T>(a: Approval, fn: () => Promise<T>): Promise<T> {
  return approvals.run(a, fn);
}

/** The approval the bulk call of `kind` serves, if it serves one. */
export function currentApproval(kind: string): Approval | undefined {
  const a = approvals.getStore();
  return a && a.submission.kind === kind ? a : undefined;
}

/** The rows an approval writes, as sent, with their positions. */
export function approvalRows<R>(a: Approval): { rows: R[]; positions: number[] } {
  return { rows: a.rows.map((r) => v8.deserialize(Buffer.from(r.payload)) as R), positions: a.rows.map((r) => r.position) };
}

/** What became of one approved row. */
export interface ApprovalOutcome {
  readonly position: number;
  readonly status: SubmissionRowStatus.APPROVED | SubmissionRowStatus.CONFLICT | SubmissionRowStatus.REFUSED;
  readonly message: string | null;
}

/** Records the outcome of an approval in the transaction that wrote it. */
export async function finishApproval(m: EntityManager, a: Approval, outcomes: readonly ApprovalOutcome[], at: Date): Promise<void> {
  for (const status of [SubmissionRowStatus.APPROVED, SubmissionRowStatus.CONFLICT, SubmissionRowStatus.REFUSED] as const) {
    const these = outcomes.filter((o) => o.status === status);
    if (!these.length) continue;
    if (status === SubmissionRowStatus.APPROVED) {
      for (let i = 0; i < these.length; i += 500) {
        await m.createQueryBuilder().update(SubmissionRow).set({ status, message: null }).where('submission_id = :id', { id: a.submission.id }).andWhere('position IN (:...p)', { p: these.slice(i, i + 500).map((o) => o.position) }).andWhere('status IN (:...open)', { open: UNDECIDED }).execute();
      }
    } else {
      // a row another approval decided meanwhile keeps its decision
      for (const o of these) await m.createQueryBuilder().update(SubmissionRow).set({ status, message: o.message?.slice(0, 500) ?? null }).where('submission_id = :id AND position = :p', { id: a.submission.id, p: o.position }).andWhere('status IN (:...open)', { open: UNDECIDED }).execute();
    }
  }
  const approved = outcomes.filter((o) => o.status === SubmissionRowStatus.APPROVED).length;
  await settle(m, a.submission, a.approver, at, SubmissionStatus.APPROVED, null);
  const conflicts = outcomes.filter((o) => o.status === SubmissionRowStatus.CONFLICT).length;
  const refused = outcomes.filter((o) => o.status === SubmissionRowStatus.REFUSED).length;
  const note = [a.note, conflicts ? `${conflicts} 行冲突未写入` : null, refused ? `${refused} 行未通过校验` : null].filter(Boolean).join('；') || null;
  await addEvent(m, a.submission.id, a.approver, at, 'APPROVED', approved, note);
}
