import { AuditEntry, auditEntry, badInput, BulkOptions, BulkResult, cleanText, newId, recordAudit, recordVersions, requirePrincipal, requireRole, runBulk, SERVING_STATUSES, todayInChina } from '@tw/kernel';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { quotaPlan } from '../bulk/quotas.plan';
import { QuotaAdjustment } from '../entities/quota-adjustment.entity';
import { School } from '../entities/school.entity';
import { StaffingQuota } from '../entities/staffing-quota.entity';
import { Teacher } from '../entities/teacher.entity';
import { QuotaAdjustmentInput, QuotaInput } from '../inputs/quota.input';
import { PersonnelContext } from '../context';
import { QuotaAdjustmentResult, QuotaStatus, QuotaSummary } from './quota.type';

@Resolver()
export class QuotaResolver {
  @Query(() => QuotaSummary, { description: "The district's approved posts for a year, per school, against the posts filled now" })
  async quotaSummary(@Arg('year', () => Int) year: number, @Ctx() ctx: PersonnelContext): Promise<QuotaSummary> {
    requirePrincipal(ctx);
    const [quotas, filledRows] = await Promise.all([
      ctx.ds.getRepository(StaffingQuota).find({ where: { year }, order: { schoolId: 'ASC' } }),
      ctx.ds
        .getRepository(Teacher)
        .createQueryBuilder('t')
        .select('t.school_id', 'schoolId')
        .addSelect('COUNT(*)', 'n')
        .where('t.in_quota = :q', { q: true })
        .andWhere('t.status IN (:...st)', { st: [...SERVING_STATUSES] })
        .groupBy('t.school_id')
        .getRawMany<{ schoolId: string; n: string | number }>(),
    ]);
    const filled = new Map(filledRows.map((r) => [r.schoolId, Number(r.n)]));
    const schools = quotas.map((q) => QuotaStatus.of(q.schoolId, year, q.approved, filled.get(q.schoolId) ?? 0));
    return {
      year,
      approvedTotal: quotas.reduce((s, q) => s + q.approved, 0),
      filledTotal: [...filled.values()].reduce((s, n) => s + n, 0),
      schools,
    };
  }

  @Query(() => [QuotaAdjustment], { description: 'The lines of the dynamic adjustments made in a year' })
  async quotaAdjustments(@Arg('year', () => Int) year: number, @Ctx() ctx: PersonnelContext): Promise<QuotaAdjustment[]> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'ANALYST');
    const where = p.role === 'SCHOOL_ADMIN' ? { year, schoolId: p.schoolId } : { year };
    return ctx.ds.getRepository(QuotaAdjustment).find({ where, order: { adjustedAt: 'ASC', id: 'ASC' } });
  }

  @Mutation(() => BulkResult, { description: 'Sets approved quotas by school + year (DISTRICT_ADMIN)' })
  async upsertQuotas(
    @Arg('rows', () => [QuotaInput]) rows: QuotaInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: PersonnelContext,
  ): Promise<BulkResult> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    return runBulk(ctx.ds, rows, options ?? new BulkOptions(), quotaPlan(ctx.clock.now()), p, ctx.clock);
  }

  @Mutation(() => QuotaAdjustmentResult, {
    description: 'Moves posts between schools within the district total (动态调整). Refused when the deltas do not sum to 0, a school has no quota for the year, or a school would end below 0 or below its posts filled.',
  })
  async adjustQuotas(@Arg('input', () => QuotaAdjustmentInput) input: QuotaAdjustmentInput, @Ctx() ctx: PersonnelContext): Promise<QuotaAdjustmentResult> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    const reason = cleanText(input.reason);
    if (!reason || reason.length > 200) throw badInput('调整原因不能为空，且不超过 200 字', { field: 'reason' });
    const changes = input.changes.filter((c) => c.delta !== 0);
    if (!changes.length) throw badInput('没有需要调整的学校（各校调整数都为 0）', { field: 'changes' });
    const ids = changes.map((c) => c.schoolId);
    if (new Set(ids).size !== ids.length) throw badInput('同一学校在一次调整中只能出现一次', { field: 'changes' });
    const sum = changes.reduce((s, c) => s + c.delta, 0);
    if (sum !== 0) {
      throw badInput(`各校调整数合计为 ${sum > 0 ? '+' : ''}${sum}：动态调整必须在全区编制总量内进行，调增与调减之和应为 0`, {
        field: 'changes',
        sum,
      });
    }
    return ctx.ds.transaction(async (m) => {
      const [quotas, schools, filledRows, all] = await Promise.all([
        m.getRepository(StaffingQuota).find({ where: { year: input.year, schoolId: In(ids) }, lock: m.connection.options.type === 'mysql' ? { mode: 'pessimistic_write' } : undefined }),
        m.getRepository(School).findBy({ id: In(ids) }),
        m
          .getRepository(Teacher)
          .createQueryBuilder('t')
          .select('t.school_id', 'schoolId')
          .addSelect('COUNT(*)', 'n')
          .where('t.school_id IN (:...ids)', { ids })
          .andWhere('t.in_quota = :q', { q: true })
          .andWhere('t.status IN (:...st)', { st: [...SERVING_STATUSES] })
          .groupBy('t.school_id')
          .getRawMany<{ schoolId: string; n: string | number }>(),
        m.getRepository(StaffingQuota).createQueryBuilder('q').select('COALESCE(SUM(q.approved), 0)', 'total').where('q.year = :y', { y: input.year }).getRawOne<{ total: string | number }>(),
      ]);
      const quotaOf = new Map(quotas.map((q) => [q.schoolId, q]));
      const nameOf = new Map(schools.map((s) => [s.id, s.name]));
      const filled = new Map(filledRows.map((r) => [r.schoolId, Number(r.n)]));
      const now = ctx.clock.now();
      const batchId = newId();
      const lines: QuotaAdjustment[] = [];
      const audits: AuditEntry[] = [];
      for (const c of changes) {
        const name = nameOf.get(c.schoolId);
        if (!name) throw badInput(`学校 id“${c.schoolId}”不存在`, { field: 'changes', schoolId: c.schoolId });
        const q = quotaOf.get(c.schoolId);
        if (!q) throw badInput(`学校“${name}”没有 ${input.year} 年度的核定编制，无法调整`, { field: 'changes', schoolId: c.schoolId });
        const after = q.approved + c.delta;
        const f = filled.get(c.schoolId) ?? 0;
        if (after < 0) throw badInput(`学校“${name}”核定编制 ${q.approved}，调减 ${-c.delta} 后为负数`, { field: 'changes', schoolId: c.schoolId });
        if (after < f) {
          throw badInput(`学校“${name}”调整后核定编制为 ${after}，少于现有在编在岗教师 ${f} 人`, { field: 'changes', schoolId: c.schoolId });
        }
        lines.push(
          Object.assign(new QuotaAdjustment(), {
            id: newId(),
            batchId,
            year: input.year,
            schoolId: c.schoolId,
            delta: c.delta,
            approvedBefore: q.approved,
            approvedAfter: after,
            reason,
            adjustedBy: p.subject,
            adjustedAt: now,
          }),
        );
        await m.getRepository(StaffingQuota).update({ id: q.id }, { approved: after, updatedAt: now });
        audits.push(
          auditEntry(p, { entity: 'staffing_quota', entityId: q.id, key: `${name} ${input.year}: ${reason}`, before: q, after: { ...q, approved: after, updatedAt: now } }),
        );
      }
      await m.getRepository(QuotaAdjustment).insert(lines);
      await recordAudit(m, audits);
      await recordVersions(m, { principal: p, reason, at: now }, [...quotaOf.values()].filter((q) => changes.some((c) => c.schoolId === q.schoolId)).map((q) => ({ target: StaffingQuota, id: q.id, before: q, after: { ...q, approved: q.approved + changes.filter((c) => c.schoolId === q.schoolId).reduce((n, c) => n + c.delta, 0), updatedAt: now }, validFrom: todayInChina(now) })));
      return { batchId, year: input.year, districtTotal: Number(all?.total ?? 0), lines };
    });
  }
}
