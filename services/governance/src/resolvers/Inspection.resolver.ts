import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, requirePrincipal, requireRole, requireYear, runBulk, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inspectionEventPlan } from '../bulk/inspection-events.plan';
import { inspectionItemPlan } from '../bulk/inspection-items.plan';
import { InspectionEvent } from '../entities/inspection-event.entity';
import { InspectionItem } from '../entities/inspection-item.entity';
import { SchoolRef } from '../entities/school-ref';
import { InspectionEventFilter, InspectionEventInput, InspectionItemInput } from '../inputs/inspection.input';
import { GovernanceContext } from '../context';
import { InspectionSummary } from '../types/inspection-summary.type';

export const InspectionItemConnection = ConnectionType(InspectionItem, 'InspectionItem');
export const InspectionEventConnection = ConnectionType(InspectionEvent, 'InspectionEvent');

/** 1 − this/last; null when there was nothing last year to reduce. */
export const reduction = (current: number, last: number): number | null => (last === 0 ? null : 1 - current / last);

async function countsByYear(ctx: GovernanceContext, table: typeof InspectionItem | typeof InspectionEvent, years: number[]): Promise<Map<number, number>> {
  const rows = await ctx.ds
    .getRepository(table)
    .createQueryBuilder('x')
    .select('x.year', 'year')
    .addSelect('COUNT(*)', 'n')
    .where('x.year IN (:...years)', { years })
    .groupBy('x.year')
    .getRawMany<{ year: string | number; n: string | number }>();
  return new Map(rows.map((r) => [Number(r.year), Number(r.n)]));
}

/** The inspection catalogue and the inspections held: not personal, every signed-in role reads them. */
@Resolver(() => InspectionEvent)
export class InspectionResolver {
  @Query(() => InspectionItemConnection, { description: '检查考核评比目录清单: the approved inspections/evaluations of a year' })
  async inspectionItems(@Arg('year', () => Int) year: number, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    requirePrincipal(ctx);
    return paginate(ctx.ds.getRepository(InspectionItem).createQueryBuilder('i').where('i.year = :year', { year: requireYear(year) }), page);
  }

  @Query(() => InspectionEventConnection, { description: 'Inspections/evaluations held, by year or school' })
  async inspectionEvents(@Arg('filter', () => InspectionEventFilter, { nullable: true }) filter: InspectionEventFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    requirePrincipal(ctx);
    const qb = ctx.ds.getRepository(InspectionEvent).createQueryBuilder('e');
    if (filter?.year != null) qb.andWhere('e.year = :year', { year: filter.year });
    if (filter?.schoolId) qb.andWhere('e.school_id = :schoolId', { schoolId: filter.schoolId });
    return paginate(qb, page);
  }

  @Query(() => InspectionSummary, { description: 'Inspections held and catalogue items of a year against the year before, with the reduction' })
  async inspectionSummary(@Arg('year', () => Int) year: number, @Ctx() ctx: GovernanceContext): Promise<InspectionSummary> {
    requirePrincipal(ctx);
    const years = [requireYear(year), year - 1];
    const [events, items] = await Promise.all([countsByYear(ctx, InspectionEvent, years), countsByYear(ctx, InspectionItem, years)]);
    const at = (m: Map<number, number>, y: number) => m.get(y) ?? 0;
    return {
      year,
      events: at(events, year),
      lastYearEvents: at(events, year - 1),
      eventReduction: reduction(at(events, year), at(events, year - 1)),
      catalogueItems: at(items, year),
      lastYearCatalogueItems: at(items, year - 1),
      catalogueReduction: reduction(at(items, year), at(items, year - 1)),
    };
  }

  @FieldResolver(() => SchoolRef, { nullable: true })
  school(@Root() e: InspectionEvent): SchoolRef | null {
    return e.schoolId ? { id: e.schoolId } : null;
  }

  @Mutation(() => BulkResult, { description: 'Creates or updates the approved catalogue by 年度 + 事项名称 (DISTRICT_ADMIN)' })
  async upsertInspectionItems(
    @Arg('rows', () => [InspectionItemInput]) rows: InspectionItemInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    const principal = requireRole(ctx, 'DISTRICT_ADMIN');
    return runBulk(ctx.ds, rows, options ?? new BulkOptions(), inspectionItemPlan(ctx.clock.now()), principal, ctx.clock);
  }

  @Mutation(() => BulkResult, {
    description:
      'Records inspections held, by 年度 + 事项名称 + school + date (DISTRICT_ADMIN; SCHOOL_ADMIN for their school). One not on that year’s approved catalogue ' +
      'is refused (NOT_IN_CATALOGUE), as is one whose 发起部门 differs from the catalogue’s (DEPARTMENT_MISMATCH).',
  })
  async upsertInspectionEvents(
    @Arg('rows', () => [InspectionEventInput]) rows: InspectionEventInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'inspection-events', schools: { directory: ctx.schools, ids: (r) => [r.schoolId] } },
      (p, personnel) => inspectionEventPlan(p, personnel, ctx.clock.now()),
    );
  }
}
