import DataLoader from 'dataloader';
import { graphql, GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ClassType, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Directive } from 'type-graphql';
import { DataSource, In } from 'typeorm';
import { Principal } from '../auth/principal';
import { systemClock } from '../clock';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../errors';
import { BaseContext, requireRole } from '../graphql/context';
import { ConnectionType, decodeCursor, encodeCursor, PageArgs, paginate, pageSize } from '../graphql/pagination';
import { cleanText } from '../row-rules';
import { reviewRule, ReviewRuleType, reviewRuleTypes } from './policy';
import { closeRows, runApproval, UNDECIDED } from './submit';
import { Submission, SubmissionEvent, SubmissionRow, SubmissionRowOp, SubmissionRowStatus, SubmissionStatus, SUBMISSION_STATUS_LABEL } from './submission.entity';

const DAY_MS = 24 * 3600_000;

/** What a service's context gives the review queries: its data source. */
export interface ReviewContext extends BaseContext {
  readonly ds: DataSource;
}

@InputType({ description: 'Filters of a submission list (the same for every service)' })
export class SubmissionFilter {
  @Field(() => SubmissionStatus, { nullable: true }) status?: SubmissionStatus;
  @Field(() => ID, { nullable: true, description: 'The school that sent it (a school admin reads only its own)' }) schoolId?: string;
  @Field({ nullable: true, description: 'The kind (review policy: teachers, violations, …)' }) kind?: string;
  @Field(() => Int, { nullable: true, description: 'Sent at least this many days ago (its age)' }) olderThanDays?: number;
  @Field(() => ID, { nullable: true, description: 'Submissions with a row about this teacher' }) teacherId?: string;
  @Field(() => ID, { nullable: true, description: 'The import job whose rows it holds' }) importJobId?: string;
}

@ObjectType('SubmissionFieldChange', { description: 'One field a submitted row changes' })
@Directive('@shareable')
export class SubmissionFieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true, description: 'As stored when the row was sent (JSON value)' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'As the row would write it (JSON value)' }) after!: string | null;
}

@ObjectType('SubmissionRowView', { description: 'One row of a submission, with the record before and after as planned when it was sent' })
@Directive('@shareable')
export class SubmissionRowView {
  @Field(() => Int, { description: 'Its place in the submission, from 0' }) position!: number;
  @Field({ description: 'The natural key the row was matched by' }) key!: string;
  @Field(() => SubmissionRowOp, { description: 'A school reads TRANSFER as CREATE: it learns nothing of a record another school holds' }) op!: SubmissionRowOp;
  @Field(() => SubmissionRowStatus) status!: SubmissionRowStatus;
  @Field(() => String, { nullable: true, description: 'Why a row is in conflict, refused or returned (Chinese)' }) message!: string | null;
  @Field(() => ID, { nullable: true, description: 'The record it writes (to a school: null until the record exists)' }) recordId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The teacher it is about (to a school: null for a new record)' }) teacherId!: string | null;
  @Field(() => String, { nullable: true, description: 'The stored record when it was sent, as JSON (null for a new record, and to a school for a transfer)' }) before!: string | null;
  @Field({ description: 'The record the row writes, as JSON' }) after!: string;
  @Field(() => [SubmissionFieldChange], { description: 'The fields it changes' }) changes!: SubmissionFieldChange[];
}

@ObjectType('SubmissionRowPage', { description: 'A page of a submission\'s rows' })
@Directive('@shareable')
export class SubmissionRowPage {
  @Field(() => [SubmissionRowView]) nodes!: SubmissionRowView[];
  @Field(() => String, { nullable: true, description: 'The cursor after the last row; null on the last page' }) endCursor!: string | null;
}

@ObjectType('PendingSubmissionCount', { description: 'Pending submissions of one school and kind' })
@Directive('@shareable')
export class PendingSubmissionCount {
  @Field(() => ID) schoolId!: string;
  @Field() kind!: string;
  @Field() kindTitle!: string;
  @Field(() => Int) submissions!: number;
  @Field(() => Int, { description: 'Rows waiting' }) rows!: number;
  @Field({ description: 'When the oldest was sent' }) oldestSubmittedAt!: Date;
  @Field(() => Int, { description: 'Age of the oldest, in whole days' }) oldestAgeDays!: number;
}

export const SubmissionConnection = ConnectionType(Submission, 'Submission', { shareable: true });

/** Who reads a submission: the bureau, and the school that sent it; anyone else gets nothing. */
function visible(p: Principal, s: Submission | null): s is Submission {
  return !!s && (p.role === 'DISTRICT_ADMIN' || p.role === 'SERVICE' || (p.role === 'SCHOOL_ADMIN' && p.schoolId === s.schoolId));
}

const bureau = (p: Principal) => p.role === 'DISTRICT_ADMIN' || p.role === 'SERVICE';

function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown>): SubmissionFieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => ({ field: k, before: before && before[k] !== undefined ? JSON.stringify(before[k]) : null, after: after[k] !== undefined ? JSON.stringify(after[k]) : null }));
}

/** A row as `p` may read it: a transfer reads, to the school, as a new record. */
function rowView(p: Principal, r: SubmissionRow): SubmissionRowView {
  const hide = r.op === SubmissionRowOp.TRANSFER && !bureau(p);
  // to a school a new record has no id yet, the same for a transfer (whose id another school's record has)
  const noId = r.op !== SubmissionRowOp.UPDATE && !bureau(p);
  const before = hide ? null : r.before;
  const after = JSON.parse(r.after) as Record<string, unknown>;
  return {
    position: r.position,
    key: r.key,
    op: hide ? SubmissionRowOp.CREATE : r.op,
    status: r.status,
    message: r.message,
    recordId: noId ? null : r.recordId,
    teacherId: noId ? null : r.teacherId,
    before,
    after: r.after,
    changes: changesOf(before ? (JSON.parse(before) as Record<string, unknown>) : null, after),
  };
}

/** This request's loaders of submissions' rows and events (one statement per page asked, whatever the number of submissions). */
const loaders = new WeakMap<object, { rows: DataLoader<string, SubmissionRow[]>; events: DataLoader<string, SubmissionEvent[]> }>();
function loadersOf(ctx: ReviewContext) {
  let l = loaders.get(ctx);
  if (!l) {
    const pageKey = (k: string) => k.split('|');
    l = {
      // key: submissionId|from|size, batched per page window: rows are numbered 0..n-1 in a submission
      rows: new DataLoader<string, SubmissionRow[]>(async (keys) => {
        const byWindow = new Map<string, string[]>();
        for (const k of keys) {
          const [id, from, size] = pageKey(k);
          byWindow.set(`${from}|${size}`, [...(byWindow.get(`${from}|${size}`) ?? []), id]);
        }
        const found = new Map<string, SubmissionRow[]>();
        for (const [w, ids] of byWindow) {
          const [from, size] = w.split('|').map(Number);
          const rows = await ctx.ds
            .getRepository(SubmissionRow)
            .createQueryBuilder('r')
            .where('r.submission_id IN (:...ids)', { ids })
            .andWhere('r.position >= :from AND r.position < :to', { from, to: from + size })
            .orderBy('r.position', 'ASC')
            .getMany();
          for (const r of rows) found.set(`${r.submissionId}|${from}|${size}`, [...(found.get(`${r.submissionId}|${from}|${size}`) ?? []), r]);
        }
        return keys.map((k) => found.get(k) ?? []);
      }),
      events: new DataLoader<string, SubmissionEvent[]>(async (ids) => {
        const rows = await ctx.ds.getRepository(SubmissionEvent).find({ where: { submissionId: In([...ids]) }, order: { id: 'ASC' } });
        return ids.map((id) => rows.filter((e) => e.submissionId === id));
      }),
    };
    loaders.set(ctx, l);
  }
  return l;
}

/** The fields of a submission computed for the reader (every service's schema lists this resolver). */
@Resolver(() => Submission)
export class SubmissionFieldsResolver {
  @FieldResolver(() => String, { description: 'The kind\'s Chinese name' })
  kindTitle(@Root() s: Submission): string {
    return reviewRule(s.kind)?.title ?? s.kind;
  }

  @FieldResolver(() => String, { description: '待审核 / 已通过 / 已退回 / 已撤回' })
  statusLabel(@Root() s: Submission): string {
    return SUBMISSION_STATUS_LABEL[s.status];
  }

  @FieldResolver(() => Int, { description: 'Whole days since it was sent' })
  ageDays(@Root() s: Submission): number {
    return Math.floor((systemClock.now().getTime() - new Date(s.submittedAt).getTime()) / DAY_MS);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Rows about a record another school holds (a transfer); the bureau only, null for a school' })
  transfers(@Root() s: Submission, @Ctx() ctx: ReviewContext): number | null {
    return ctx.principal && bureau(ctx.principal) ? s.transferRows : null;
  }

  @FieldResolver(() => SubmissionRowPage, { description: 'Its rows, a page at a time, in the order sent' })
  async rows(@Root() s: Submission, @Args() page: PageArgs, @Ctx() ctx: ReviewContext): Promise<SubmissionRowPage> {
    const size = pageSize(page.first);
    const from = page.after ? Number(decodeCursor(page.after)) + 1 : 0;
    if (!Number.isInteger(from) || from < 0) throw badInput('Bad cursor for a submission\'s rows');
    const rows = await loadersOf(ctx).rows.load(`${s.id}|${from}|${size}`);
    const last = rows.length ? rows[rows.length - 1].position : null;
    return { nodes: rows.map((r) => rowView(ctx.principal!, r)), endCursor: last !== null && last + 1 < s.rowCount ? encodeCursor(String(last)) : null };
  }

  @FieldResolver(() => [SubmissionEvent], { description: 'Its history, oldest first' })
  async history(@Root() s: Submission, @Ctx() ctx: ReviewContext): Promise<SubmissionEvent[]> {
    return loadersOf(ctx).events.load(s.id);
  }
}

/** The review policy, answered by one service (personnel) for the whole platform. */
@Resolver()
export class ReviewPolicyResolver {
  @Query(() => [ReviewRuleType], { description: "What becomes of a school admin's write of each kind of record: held for the bureau's review, or live (any signed-in user)" })
  reviewPolicy(@Ctx() ctx: BaseContext): ReviewRuleType[] {
    requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER', 'ANALYST');
    return reviewRuleTypes();
  }
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * The submissions of a service's held kinds, named per service (personnelSubmissions,
 * approvePersonnelSubmission, …): the bureau lists, approves and returns them; the school that sent
 * them lists and withdraws its own. Add it and `SubmissionFieldsResolver` to the schema's resolvers.
 * @example resolvers: [..., ...submissionResolvers('personnel')]
 */
export function submissionResolvers(prefix: string): ClassType[] {
  const P = capital(prefix);

  async function load(ctx: ReviewContext, id: string): Promise<Submission> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    const s = await ctx.ds.getRepository(Submission).findOneBy({ id });
    // another school's submission answers as an unknown one
    if (!visible(p, s)) throw notFound(`没有报送单“${id}”`);
    return s;
  }

  @Resolver()
  class SubmissionResolver {
    @Query(() => SubmissionConnection, { name: `${prefix}Submissions`, description: `Submissions of the ${prefix} service's held kinds, oldest first: all for DISTRICT_ADMIN, its own for a SCHOOL_ADMIN` })
    async submissions(@Arg('filter', () => SubmissionFilter, { nullable: true }) filter: SubmissionFilter | null, @Args() page: PageArgs, @Ctx() ctx: ReviewContext) {
      const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
      const qb = ctx.ds.getRepository(Submission).createQueryBuilder('s');
      if (p.role === 'SCHOOL_ADMIN') {
        if (filter?.schoolId && filter.schoolId !== p.schoolId) throw forbidden(`A SCHOOL_ADMIN token reads only its own school's submissions (school ${p.schoolId})`);
        qb.andWhere('s.school_id = :own', { own: p.schoolId });
      } else if (filter?.schoolId) qb.andWhere('s.school_id = :school', { school: filter.schoolId });
      if (filter?.status) qb.andWhere('s.status = :status', { status: filter.status });
      if (filter?.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
      if (filter?.importJobId) qb.andWhere('s.import_job_id = :job', { job: filter.importJobId });
      if (filter?.olderThanDays != null) qb.andWhere('s.submitted_at <= :before', { before: new Date(systemClock.now().getTime() - filter.olderThanDays * DAY_MS) });
      if (filter?.teacherId) qb.andWhere('EXISTS (SELECT 1 FROM submission_row r WHERE r.submission_id = s.id AND r.teacher_id = :teacher)', { teacher: filter.teacherId });
      return paginate(qb, page);
    }

    @Query(() => Submission, { name: `${prefix}Submission`, nullable: true, description: 'A submission by id (null when there is none this token may read)' })
    async submission(@Arg('id', () => ID) id: string, @Ctx() ctx: ReviewContext): Promise<Submission | null> {
      const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
      const s = await ctx.ds.getRepository(Submission).findOneBy({ id });
      return visible(p, s) ? s : null;
    }

    @Query(() => [PendingSubmissionCount], { name: `${prefix}PendingSubmissions`, description: 'Pending submissions per school and kind, with the age of the oldest (a SCHOOL_ADMIN: its own school)' })
    async pending(@Ctx() ctx: ReviewContext): Promise<PendingSubmissionCount[]> {
      const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
      const own = p.role === 'SCHOOL_ADMIN';
      const rows = (await ctx.ds.query(
        `SELECT school_id AS school, kind, COUNT(*) AS n, SUM(pending_rows) AS r, MIN(submitted_at) AS oldest FROM submission WHERE status = ?${own ? ' AND school_id = ?' : ''} GROUP BY school_id, kind ORDER BY school_id, kind`,
        own ? [SubmissionStatus.PENDING, p.schoolId] : [SubmissionStatus.PENDING],
      )) as Array<{ school: string; kind: string; n: number | string; r: number | string; oldest: Date | string }>;
      const now = systemClock.now().getTime();
      return rows.map((r) => {
        const oldest = r.oldest instanceof Date ? r.oldest : new Date(`${String(r.oldest).replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(String(r.oldest)) ? '' : 'Z'}`);
        return { schoolId: r.school, kind: r.kind, kindTitle: reviewRule(r.kind)?.title ?? r.kind, submissions: Number(r.n), rows: Number(r.r), oldestSubmittedAt: oldest, oldestAgeDays: Math.floor((now - oldest.getTime()) / DAY_MS) };
      });
    }

    @Mutation(() => Submission, { name: `withdraw${P}Submission`, description: 'The school withdraws a pending submission of its own (已撤回): its waiting rows are never written' })
    async withdraw(@Arg('id', () => ID) id: string, @Ctx() ctx: ReviewContext): Promise<Submission> {
      const p = requireRole(ctx, 'SCHOOL_ADMIN');
      const s = await load(ctx, id);
      if (s.status !== SubmissionStatus.PENDING) throw notPending(s);
      await ctx.ds.transaction((m) => closeRows(m, s, SubmissionStatus.WITHDRAWN, p, systemClock.now(), 'WITHDRAWN', null));
      return (await ctx.ds.getRepository(Submission).findOneBy({ id }))!;
    }

    @Mutation(() => Submission, { name: `return${P}Submission`, description: 'The bureau returns a pending submission (已退回) with a reason in Chinese: all its waiting rows, or those at `rows`' })
    async returnSubmission(
      @Arg('id', () => ID) id: string,
      @Arg('reason') reason: string,
      @Arg('rows', () => [Int], { nullable: true, description: 'Positions of the rows to return (default: every waiting row)' }) rows: number[] | null,
      @Ctx() ctx: ReviewContext,
    ): Promise<Submission> {
      const p = requireRole(ctx, 'DISTRICT_ADMIN');
      const why = reason.trim();
      if (!why) throw new AppError(ErrorCode.BAD_USER_INPUT, '退回须填写原因', { reason: 'RETURN_REASON_REQUIRED' });
      if (why.length > 500) throw badInput('退回原因不能超过 500 个字符');
      const s = await load(ctx, id);
      if (s.status !== SubmissionStatus.PENDING) throw notPending(s);
      await ctx.ds.transaction((m) => closeRows(m, s, SubmissionStatus.RETURNED, p, systemClock.now(), 'RETURNED', why, rows ?? undefined));
      return (await ctx.ds.getRepository(Submission).findOneBy({ id }))!;
    }

    @Mutation(() => Submission, {
      name: `approve${P}Submission`,
      description:
        "The bureau approves a pending submission: all its pending rows, or those at `rows`. They are planned again against the data as it is now and written through the kind's bulk mutation (history, audit, every rule) with the submission's asOf; a row whose record changed since it was sent is a CONFLICT, not written",
    })
    async approve(
      @Arg('id', () => ID) id: string,
      @Arg('rows', () => [Int], { nullable: true, description: 'Positions of the rows to approve (default: every pending row)' }) rows: number[] | null,
      @Arg('note', () => String, { nullable: true, description: 'A note kept with the approval' }) note: string | null,
      @Ctx() ctx: ReviewContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Submission> {
      const p = requireRole(ctx, 'DISTRICT_ADMIN');
      const s = await load(ctx, id);
      if (s.status !== SubmissionStatus.PENDING) throw notPending(s);
      const rule = reviewRule(s.kind);
      if (!rule) throw new Error(`No review rule for kind ${s.kind}`);
      const chosen = rows ? new Set(rows) : null;
      const open = await ctx.ds.getRepository(SubmissionRow).find({
        where: { submissionId: s.id, status: chosen ? In(UNDECIDED) : SubmissionRowStatus.PENDING },
        order: { position: 'ASC' },
      });
      const these = chosen ? open.filter((r) => chosen.has(r.position)) : open;
      if (chosen && these.length !== chosen.size) throw badInput(`报送单“${id}”中没有待审核的第 ${[...chosen].filter((x) => !these.some((r) => r.position === x)).join('、')} 行`);
      for (let i = 0; i < these.length; i += 1000) {
        const batch = these.slice(i, i + 1000);
        const answer = await runApproval({ submission: s, rows: batch, approver: p, note: cleanText(note) }, () =>
          graphql({
            schema: info.schema,
            source: `mutation ApproveSubmission($o: BulkOptions) { r: ${rule.mutation}(rows: [], options: $o) { written } }`,
            variableValues: { o: { partial: true, asOf: s.asOf, reason: `审核通过报送单 ${s.id}${note ? `：${note}` : ''}`.slice(0, 300) } },
            contextValue: ctx,
          }),
        );
        if (answer.errors?.length) {
          const e = answer.errors[0];
          throw e.originalError instanceof AppError ? e.originalError : new AppError(ErrorCode.INTERNAL, `审核写入失败：${e.message}`);
        }
      }
      return (await ctx.ds.getRepository(Submission).findOneBy({ id }))!;
    }
  }
  return [SubmissionResolver, SubmissionFieldsResolver];
}

const notPending = (s: Submission) =>
  new AppError(ErrorCode.CONFLICT, `报送单“${s.id}”已${SUBMISSION_STATUS_LABEL[s.status].replace(/^已/, '')}，不能再处理`, { reason: 'SUBMISSION_NOT_PENDING' });
