import { BulkOptions, BulkResult, ConnectionType, paginate, PageArgs, requirePrincipal, requireRole, runBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { schoolPlan } from '../bulk/schools.plan';
import { School } from '../entities/school.entity';
import { Teacher } from '../entities/teacher.entity';
import { SchoolFilter, SchoolInput } from '../inputs/school.input';
import { TeacherFilter } from '../inputs/teacher.input';
import { PersonnelContext } from '../context';
import { QuotaStatus } from './quota.type';
import { teacherQuery, TeacherConnection } from './teacher.query';

export const SchoolConnection = ConnectionType(School, 'School');

/** Schools are not personal data: every signed-in role reads them. */
@Resolver(() => School)
export class SchoolResolver {
  @Query(() => School, { nullable: true, description: 'A school by id' })
  async school(@Arg('id', () => ID) id: string, @Ctx() ctx: PersonnelContext): Promise<School | null> {
    requirePrincipal(ctx);
    return ctx.loaders.school.load(id);
  }

  @Query(() => SchoolConnection, { description: 'Schools of the district, by filter, a page at a time' })
  async schools(
    @Arg('filter', () => SchoolFilter, { nullable: true }) filter: SchoolFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: PersonnelContext,
  ) {
    requirePrincipal(ctx);
    const qb = ctx.ds.getRepository(School).createQueryBuilder('s');
    if (filter?.ids) qb.andWhere('s.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [''] });
    if (filter?.codes) qb.andWhere('s.code IN (:...codes)', { codes: filter.codes.length ? filter.codes : [''] });
    if (filter?.names) qb.andWhere('s.name IN (:...names)', { names: filter.names.length ? filter.names : [''] });
    if (filter?.types?.length) qb.andWhere('s.type IN (:...types)', { types: filter.types });
    if (filter?.sponsor) qb.andWhere('s.sponsor = :sponsor', { sponsor: filter.sponsor });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherConnection, { description: "This school's teachers (its own SCHOOL_ADMIN or DISTRICT_ADMIN)" })
  async teachers(
    @Root() school: School,
    @Arg('filter', () => TeacherFilter, { nullable: true }) filter: TeacherFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: PersonnelContext,
  ) {
    return teacherQuery(ctx, { ...filter, schoolId: school.id }, page);
  }

  @FieldResolver(() => Int, { description: 'Teachers serving now (在本单位任职 or 暂未在本单位任职)' })
  async teacherCount(@Root() school: School, @Ctx() ctx: PersonnelContext): Promise<number> {
    return ctx.loaders.servingTeachers.load(school.id);
  }

  @FieldResolver(() => QuotaStatus, { description: 'Approved posts for the year against the posts filled now' })
  async quota(@Root() school: School, @Arg('year', () => Int) year: number, @Ctx() ctx: PersonnelContext): Promise<QuotaStatus> {
    const [q, filled] = await Promise.all([ctx.loaders.quota.load({ schoolId: school.id, year }), ctx.loaders.filledPosts.load(school.id)]);
    return QuotaStatus.of(school.id, year, q?.approved ?? null, filled);
  }

  @Mutation(() => BulkResult, { description: 'Creates or updates schools by 学校标识码 (DISTRICT_ADMIN)' })
  async upsertSchools(
    @Arg('rows', () => [SchoolInput]) rows: SchoolInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: PersonnelContext,
  ): Promise<BulkResult> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    return runBulk(ctx.ds, rows, options ?? new BulkOptions(), schoolPlan(ctx.clock.now()), p, ctx.clock);
  }
}

