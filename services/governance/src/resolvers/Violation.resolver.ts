import { auditEntry, badInput, BulkOptions, BulkResult, compositeKey, ConnectionType, isRejection, notFound, PageArgs, paginate, recordAudit, recordVersions, requireRole, runRemoteBulk, todayInChina } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { negativeListResolver } from '../bulk/negative-list-refs';
import { violationSnapshot } from '../bulk/snapshots';
import { NegativeListItem } from '../entities/negative-list-item.entity';
import { applyScope, recordScope } from '../access';
import { violationPlan } from '../bulk/violations.plan';
import { TeacherRef } from '../entities/teacher-ref';
import { Violation } from '../entities/violation.entity';
import { ViolationFilter, ViolationInput } from '../inputs/violation.input';
import { GovernanceContext } from '../context';
import { sanctionPeriod } from '../rules/veto-rule';
import { SanctionPeriodType } from '../types/sanction-period.type';

export const ViolationConnection = ConnectionType(Violation, 'Violation');

@Resolver(() => Violation)
export class ViolationResolver {
  @Query(() => ViolationConnection, { description: 'Violations and sanctions (DISTRICT_ADMIN; SCHOOL_ADMIN those written for their school; TEACHER their own)' })
  async violations(@Arg('filter', () => ViolationFilter, { nullable: true }) filter: ViolationFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    const qb = applyScope(ctx.ds.getRepository(Violation).createQueryBuilder('v'), recordScope(ctx, filter)).leftJoinAndSelect('v.negativeListItem', 'item');
    if (filter?.schoolId) qb.andWhere('v.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter?.teacherId) qb.andWhere('v.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.from) qb.andWhere('v.occurred_on >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('v.occurred_on <= :to', { to: filter.to });
    if (filter?.sanction) qb.andWhere('v.sanction = :sanction', { sanction: filter.sanction });
    if (filter?.classification?.length) qb.andWhere('v.item_source IN (:...classification)', { classification: filter.classification });
    return paginate(qb, page);
  }

  @Mutation(() => Violation, {
    description:
      'Sets the negative-list item of a violation (DISTRICT_ADMIN): settles an unclassified one (未归类), or corrects one read from words. ' +
      'The item by number, name or both; the school’s words are kept, and the item stays when the school sends the same words again. Audited.',
  })
  async settleViolationItem(@Arg('violationId', () => ID) violationId: string, @Arg('negativeListItem') negativeListItem: string, @Ctx() ctx: GovernanceContext): Promise<Violation> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    const now = ctx.clock.now();
    return ctx.ds.transaction(async (m) => {
      const before = await m.getRepository(Violation).findOne({ where: { id: violationId }, relations: { negativeListItem: true } });
      if (!before) throw notFound(`No violation ${violationId}`);
      const items = await m.getRepository(NegativeListItem).find();
      const reading = negativeListResolver(items)(negativeListItem, before.occurredOn);
      if (isRejection(reading)) throw badInput(reading.message);
      if (!reading.item || reading.classification !== 'LISTED') {
        throw badInput(`请填写负面清单事项的编号或名称（如“10”或“规范从教行为”），而不是“${negativeListItem}”`);
      }
      if (reading.item.retiredOn && before.occurredOn >= reading.item.retiredOn) {
        throw badInput(`负面清单第 ${reading.item.code} 项“${reading.item.title}”已于 ${reading.item.retiredOn} 停用，不能用于 ${before.occurredOn} 的违规`);
      }
      const after: Violation = { ...before, negativeListItemId: reading.item.id, negativeListItem: reading.item, classification: 'SETTLED', updatedAt: now };
      await m.getRepository(Violation).update({ id: violationId }, { negativeListItemId: reading.item.id, classification: 'SETTLED', updatedAt: now });
      await recordAudit(m, [
        auditEntry(
          p,
          {
            entity: 'violation',
            entityId: before.id,
            key: compositeKey(before.teacherId, before.occurredOn),
            teacherId: before.teacherId,
            before: violationSnapshot(before, before.negativeListItem ?? undefined),
            after: violationSnapshot(after, reading.item),
          },
        ),
      ]);
      await recordVersions(m, { principal: p, at: now }, [{ target: Violation, id: before.id, before, after, validFrom: todayInChina(now) }]);
      return after;
    });
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() v: Violation): TeacherRef {
    return { id: v.teacherId };
  }

  @FieldResolver(() => SanctionPeriodType, { nullable: true, description: 'The days the sanction bars the teacher; null without a sanction, or when revoked on its own date' })
  period(@Root() v: Violation): SanctionPeriodType | null {
    return sanctionPeriod(v);
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates violations by teacher + 处分发生日期 (DISTRICT_ADMIN; SCHOOL_ADMIN for their school’s teachers). A sanction covering a year in which ' +
      'the teacher has an 优秀 appraisal or an award is written with code VETO_CONFLICT on the row. Every write is audited.',
  })
  async upsertViolations(
    @Arg('rows', () => [ViolationInput]) rows: ViolationInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'violations', teachers: { directory: ctx.teachers, ids: (r) => [r.teacherId] } },
      (p, personnel) => violationPlan(p, personnel, ctx.clock.now()),
    );
  }
}
