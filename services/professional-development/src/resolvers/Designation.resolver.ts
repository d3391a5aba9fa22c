import { BulkOptions, BulkResult, connectionOf, ConnectionType, decodeCursor, DESIGNATION_KIND, DESIGNATION_LEVEL, graphqlEnum, PageArgs, pageSize, recordScope, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { designationPlan } from '../bulk/designations.plan';
import { Designation } from '../entities/designation.entity';
import { SchoolRef, schoolRef } from '../entities/school-ref';
import { TeacherRef, teacherRef } from '../entities/teacher-ref';
import { DesignationInput } from '../inputs/designation.input';
import { DevelopmentContext } from '../context';
import { compareDesignations, DesignationKind, DesignationLevel, highestDesignation } from '../rules/designation-rank';
import { isValidInYear, validInYearSql } from '../rules/designation-validity';
import { DesignatedTeacher } from './designated-teacher.type';

export const DesignatedTeacherConnection = ConnectionType(DesignatedTeacher, 'DesignatedTeacher');

@Resolver(() => Designation)
export class DesignationResolver {
  @Query(() => DesignatedTeacherConnection, {
    description:
      'Teachers holding a designation valid in the year (conferred then or before, not expired before it), of the level and kind when given, a page at a time by teacher: all for DISTRICT_ADMIN, those recorded at their school for SCHOOL_ADMIN, themself for TEACHER (not ANALYST, who reads School.professionalDevelopment)',
  })
  async designatedTeachers(
    @Arg('year', () => Int) year: number,
    @Arg('level', () => graphqlEnum(DESIGNATION_LEVEL), { nullable: true }) level: DesignationLevel | null,
    @Arg('kind', () => graphqlEnum(DESIGNATION_KIND), { nullable: true }) kind: DesignationKind | null,
    @Arg('schoolId', () => ID, { nullable: true, description: "the school recorded with the designation (the teacher's school then)" }) schoolId: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: DevelopmentContext,
  ) {
    const scope = recordScope(ctx, schoolId);
    const size = pageSize(page.first);
    const qb = ctx.ds.getRepository(Designation).createQueryBuilder('d').where(...validInYearSql('d', year));
    if (level) qb.andWhere('d.level = :level', { level });
    if (kind) qb.andWhere('d.kind = :kind', { kind });
    if ('schoolId' in scope) qb.andWhere('d.school_id = :scopeSchool', { scopeSchool: scope.schoolId });
    if ('teacherId' in scope) qb.andWhere('d.teacher_id = :scopeTeacher', { scopeTeacher: scope.teacherId });
    if (schoolId) qb.andWhere('d.school_id = :schoolId', { schoolId });
    const countQb = qb.clone().select('COUNT(DISTINCT d.teacher_id)', 'n');
    // keyset pagination over distinct teachers (ids are time-ordered UUIDv7), as kernel paginate does over rows
    const pageQb = qb.clone().select('DISTINCT d.teacher_id', 'teacherId').orderBy('d.teacher_id', 'ASC').limit(size + 1);
    if (page.after) pageQb.andWhere('d.teacher_id > :after', { after: decodeCursor(page.after) });
    const rows = await pageQb.getRawMany<{ teacherId: string }>();
    const nodes = rows.map((r) => DesignatedTeacher.of(r.teacherId, year, level, kind));
    return connectionOf(nodes, size, async () => Number((await countQb.getRawOne<{ n: string | number }>())?.n ?? 0));
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() d: Designation): TeacherRef {
    return teacherRef(d.teacherId);
  }

  @FieldResolver(() => SchoolRef, { description: "The teacher's school when the designation was recorded" })
  school(@Root() d: Designation): SchoolRef {
    return schoolRef(d.schoolId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the designation is valid in the year: conferred then or before, and not expired before the year began' })
  validIn(@Root() d: Designation, @Arg('year', () => Int) year: number): boolean {
    return isValidInYear(d, year);
  }

  @Mutation(() => BulkResult, {
    description:
      "Creates or updates designations by teacher + 称号 + 级别 + 认定年度; up to 1,000 rows, one transaction (DISTRICT_ADMIN; SCHOOL_ADMIN for their teachers). A new designation of a teacher vetoed (一票否决) in that year, as governance reports, is rejected with ETHICS_VETO; when governance cannot be asked the call fails (UNAVAILABLE) and writes nothing.",
  })
  async upsertDesignations(
    @Arg('rows', () => [DesignationInput]) rows: DesignationInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: DevelopmentContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'designations', teachers: { directory: ctx.directory, ids: (r) => [r.teacherId] } },
      (_, personnel) => designationPlan(personnel, ctx.eligibility, ctx.clock.now()),
    );
  }
}

@Resolver(() => DesignatedTeacher)
export class DesignatedTeacherResolver {
  @FieldResolver(() => [Designation], { description: 'The designations valid in the year (of the level and kind asked), highest first' })
  async designations(@Root() t: DesignatedTeacher, @Ctx() ctx: DevelopmentContext): Promise<Designation[]> {
    const all = await ctx.loaders.designationsByTeacher.load(t.id);
    const matching = all.filter((d) => isValidInYear(d, t.year) && (!t.level || d.level === t.level) && (!t.kind || d.kind === t.kind));
    return matching.sort(compareDesignations);
  }

  @FieldResolver(() => Designation, { nullable: true, description: 'The highest designation the teacher holds in the year, of any level and kind' })
  async highest(@Root() t: DesignatedTeacher, @Ctx() ctx: DevelopmentContext): Promise<Designation | null> {
    return highestDesignation(await ctx.loaders.designationsByTeacher.load(t.id), t.year);
  }
}
