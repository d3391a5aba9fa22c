import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, recordScope, requireRole, runBulk, watchBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { hirePlan } from '../bulk/hires.plan';
import { Hire } from '../entities/hire.entity';
import { Teacher } from '../entities/teacher.entity';
import { HireFilter, HireInput } from '../inputs/hire.input';
import { PersonnelContext } from '../context';

export const HireConnection = ConnectionType(Hire, 'Hire');

@Resolver(() => Hire)
export class HireResolver {
  @Query(() => HireConnection, { description: 'Hires, by year, channel or school (DISTRICT_ADMIN; SCHOOL_ADMIN for their school)' })
  async hires(@Arg('filter', () => HireFilter, { nullable: true }) filter: HireFilter | null, @Args() page: PageArgs, @Ctx() ctx: PersonnelContext) {
    requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    const scope = recordScope(ctx, filter?.schoolId);
    const qb = ctx.ds.getRepository(Hire).createQueryBuilder('h');
    const schoolId = 'schoolId' in scope ? scope.schoolId : filter?.schoolId;
    if (schoolId) qb.innerJoin(Teacher, 't', 't.id = h.teacher_id AND t.school_id = :schoolId', { schoolId });
    if (filter?.year) qb.andWhere('h.year = :year', { year: filter.year });
    if (filter?.channel) qb.andWhere('h.channel = :channel', { channel: filter.channel });
    return paginate(qb, page);
  }

  @FieldResolver(() => Teacher)
  async teacher(@Root() h: Hire, @Ctx() ctx: PersonnelContext): Promise<Teacher | null> {
    return ctx.loaders.teacher.load(h.teacherId);
  }

  @Mutation(() => BulkResult, { description: 'Creates or updates hires by teacher + year (DISTRICT_ADMIN; SCHOOL_ADMIN for their school)' })
  async upsertHires(
    @Arg('rows', () => [HireInput]) rows: HireInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: PersonnelContext,
  ): Promise<BulkResult> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    return watchBulk(ctx, runBulk(ctx.ds, rows, options ?? new BulkOptions(), hirePlan(p, ctx.clock.now()), p, ctx.clock), 'upsertHires');
  }
}
