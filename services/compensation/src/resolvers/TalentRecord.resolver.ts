import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, recordScope, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { talentRecordPlan } from '../bulk/talent-records.plan';
import { SchoolRef } from '../entities/school-ref';
import { TalentRecord } from '../entities/talent-record.entity';
import { TeacherRef } from '../entities/teacher-ref';
import { TalentRecordFilter, TalentRecordInput } from '../inputs/talent-record.input';
import { CompensationContext } from '../context';

export const TalentRecordConnection = ConnectionType(TalentRecord, 'TalentRecord');

@Resolver(() => TalentRecord)
export class TalentRecordResolver {
  @Query(() => TalentRecordConnection, {
    description: "Talent records of a year: DISTRICT_ADMIN all, a SCHOOL_ADMIN those recorded at their school, a TEACHER their own; not ANALYST",
  })
  async talentRecords(@Arg('filter', () => TalentRecordFilter) filter: TalentRecordFilter, @Args() page: PageArgs, @Ctx() ctx: CompensationContext) {
    const scope = recordScope(ctx, filter.schoolId);
    const qb = ctx.ds.getRepository(TalentRecord).createQueryBuilder('t').where('t.year = :year', { year: filter.year });
    if ('schoolId' in scope) qb.andWhere('t.school_id = :scopeSchool', { scopeSchool: scope.schoolId });
    if ('teacherId' in scope) qb.andWhere('t.teacher_id = :scopeTeacher', { scopeTeacher: scope.teacherId });
    if (filter.schoolId) qb.andWhere('t.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.category) qb.andWhere('t.category = :category', { category: filter.category });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() r: TalentRecord): TeacherRef {
    return { id: r.teacherId };
  }

  @FieldResolver(() => SchoolRef, { description: 'The school the teacher was at when the record was written (as recorded)' })
  recordedSchool(@Root() r: TalentRecord): SchoolRef {
    return { id: r.schoolId };
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates talent records by teacher + year, up to 1,000 a call, in one transaction (DISTRICT_ADMIN). Refused rows: a teacher personnel does not know, a subsidy on a failed assessment, a future year.',
  })
  async upsertTalentRecords(
    @Arg('rows', () => [TalentRecordInput]) rows: TalentRecordInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: CompensationContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN'], plan: 'talent-records', teachers: { directory: ctx.directory, ids: (r) => [r.teacherId] } },
      (_, personnel) => talentRecordPlan(personnel, ctx.clock.now()),
    );
  }
}
