import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, recordScope, runRemoteBulk, todayInChina } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { mentoringPlan } from '../bulk/mentoring.plan';
import { MentoringPair } from '../entities/mentoring-pair.entity';
import { TeacherRef, teacherRef } from '../entities/teacher-ref';
import { MentoringPairFilter, MentoringPairInput } from '../inputs/mentoring.input';
import { DevelopmentContext } from '../context';

export const MentoringPairConnection = ConnectionType(MentoringPair, 'MentoringPair');

@Resolver(() => MentoringPair)
export class MentoringPairResolver {
  @Query(() => MentoringPairConnection, {
    description:
      "Mentoring pairs (师徒结对), a page at a time: all for DISTRICT_ADMIN; for SCHOOL_ADMIN those whose mentor or mentee was at their school when recorded; for TEACHER those they are in (not ANALYST)",
  })
  async mentoringPairs(
    @Arg('filter', () => MentoringPairFilter, { nullable: true }) filter: MentoringPairFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: DevelopmentContext,
  ) {
    const scope = recordScope(ctx, filter?.schoolId);
    const qb = ctx.ds.getRepository(MentoringPair).createQueryBuilder('m');
    if ('schoolId' in scope) qb.andWhere('(m.mentee_school_id = :scopeSchool OR m.mentor_school_id = :scopeSchool)', { scopeSchool: scope.schoolId });
    if ('teacherId' in scope) qb.andWhere('(m.mentee_id = :scopeTeacher OR m.mentor_id = :scopeTeacher)', { scopeTeacher: scope.teacherId });
    if (filter?.teacherId) qb.andWhere('(m.mentee_id = :teacherId OR m.mentor_id = :teacherId)', { teacherId: filter.teacherId });
    if (filter?.schoolId) qb.andWhere('(m.mentee_school_id = :schoolId OR m.mentor_school_id = :schoolId)', { schoolId: filter.schoolId });
    if (filter?.current) qb.andWhere('m.start_date <= :day AND (m.end_date IS NULL OR m.end_date >= :day)', { day: todayInChina(ctx.clock) });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef, { description: '师傅' })
  mentor(@Root() p: MentoringPair): TeacherRef {
    return teacherRef(p.mentorId);
  }

  @FieldResolver(() => TeacherRef, { description: '徒弟' })
  mentee(@Root() p: MentoringPair): TeacherRef {
    return teacherRef(p.menteeId);
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates mentoring pairs by mentor + mentee (never the same teacher); up to 1,000 rows, one transaction (DISTRICT_ADMIN; SCHOOL_ADMIN for pairs of their own teachers)',
  })
  async upsertMentoringPairs(
    @Arg('rows', () => [MentoringPairInput]) rows: MentoringPairInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: DevelopmentContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'mentoring', teachers: { directory: ctx.directory, ids: (r) => [r.mentorId, r.menteeId] } },
      (_, personnel) => mentoringPlan(personnel, ctx.clock.now()),
    );
  }
}
