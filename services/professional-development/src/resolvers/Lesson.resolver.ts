import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, requirePrincipal, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { lessonPlan } from '../bulk/lessons.plan';
import { Lesson } from '../entities/lesson.entity';
import { SchoolRef, schoolRef } from '../entities/school-ref';
import { Studio } from '../entities/studio.entity';
import { TeacherRef, teacherRef } from '../entities/teacher-ref';
import { LessonFilter, LessonInput } from '../inputs/lesson.input';
import { DevelopmentContext } from '../context';

export const LessonConnection = ConnectionType(Lesson, 'Lesson');

/** Demonstration lessons are public within the platform: every signed-in role reads them. */
@Resolver(() => Lesson)
export class LessonResolver {
  @Query(() => LessonConnection, { description: 'Demonstration lessons, by year or dates, kind, studio, presenter, school or subject, a page at a time' })
  async lessons(@Arg('filter', () => LessonFilter, { nullable: true }) filter: LessonFilter | null, @Args() page: PageArgs, @Ctx() ctx: DevelopmentContext) {
    requirePrincipal(ctx);
    const qb = ctx.ds.getRepository(Lesson).createQueryBuilder('l');
    if (filter?.year) qb.andWhere('l.date >= :yearFrom AND l.date <= :yearTo', { yearFrom: `${filter.year}-01-01`, yearTo: `${filter.year}-12-31` });
    if (filter?.from) qb.andWhere('l.date >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('l.date <= :to', { to: filter.to });
    if (filter?.kinds?.length) qb.andWhere('l.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.studioId) qb.andWhere('l.studio_id = :studioId', { studioId: filter.studioId });
    if (filter?.teacherId) qb.andWhere('l.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.schoolId) qb.andWhere('l.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter?.subject) qb.andWhere('l.subject = :subject', { subject: filter.subject });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef, { description: '授课教师' })
  presenter(@Root() l: Lesson): TeacherRef {
    return teacherRef(l.teacherId);
  }

  @FieldResolver(() => SchoolRef, { description: "The presenter's school when the lesson was recorded" })
  school(@Root() l: Lesson): SchoolRef {
    return schoolRef(l.schoolId);
  }

  @FieldResolver(() => Studio, { nullable: true, description: 'The studio the lesson was given for' })
  async studio(@Root() l: Lesson, @Ctx() ctx: DevelopmentContext): Promise<Studio | null> {
    return l.studioId ? ctx.loaders.studio.load(l.studioId) : null;
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates demonstration lessons by presenter + 日期 + 课题; up to 1,000 rows, one transaction (DISTRICT_ADMIN; SCHOOL_ADMIN for their teachers)',
  })
  async upsertLessons(
    @Arg('rows', () => [LessonInput]) rows: LessonInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: DevelopmentContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'lessons', teachers: { directory: ctx.directory, ids: (r) => [r.teacherId] } },
      (_, personnel) => lessonPlan(personnel, ctx.clock.now()),
    );
  }
}
