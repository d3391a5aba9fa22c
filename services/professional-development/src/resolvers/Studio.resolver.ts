import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, requirePrincipal, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { studioPlan } from '../bulk/studios.plan';
import { SchoolRef, schoolRef } from '../entities/school-ref';
import { Studio } from '../entities/studio.entity';
import { StudioMember } from '../entities/studio-member.entity';
import { TeacherRef, teacherRef } from '../entities/teacher-ref';
import { StudioFilter, StudioInput } from '../inputs/studio.input';
import { DevelopmentContext } from '../context';
import { containing } from '@tw/kernel';

export const StudioConnection = ConnectionType(Studio, 'Studio');

/** Studios are public within the platform: every signed-in role reads them, their hosts and members. */
@Resolver(() => Studio)
export class StudioResolver {
  @Query(() => StudioConnection, { description: 'Studios, by kind, level, founding year, school or teacher, a page at a time' })
  async studios(@Arg('filter', () => StudioFilter, { nullable: true }) filter: StudioFilter | null, @Args() page: PageArgs, @Ctx() ctx: DevelopmentContext) {
    requirePrincipal(ctx);
    const qb = ctx.ds.getRepository(Studio).createQueryBuilder('s');
    if (filter?.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter?.level) qb.andWhere('s.level = :level', { level: filter.level });
    if (filter?.foundedBy) qb.andWhere('s.founded_year <= :foundedBy', { foundedBy: filter.foundedBy });
    if (filter?.hostSchoolId) qb.andWhere('s.host_school_id = :hostSchoolId', { hostSchoolId: filter.hostSchoolId });
    if (filter?.teacherId) {
      qb.andWhere(
        `(s.host_teacher_id = :teacherId OR s.id IN ${qb.subQuery().select('m.studio_id').from(StudioMember, 'm').where('m.teacher_id = :teacherId').getQuery()})`,
        { teacherId: filter.teacherId },
      );
    }
    if (filter?.nameContains) qb.andWhere(...containing('s.name', 'name', filter.nameContains));
    return paginate(qb, page);
  }

  @Query(() => Studio, { nullable: true, description: 'A studio by id' })
  async studio(@Arg('id', () => ID) id: string, @Ctx() ctx: DevelopmentContext): Promise<Studio | null> {
    requirePrincipal(ctx);
    return ctx.loaders.studio.load(id);
  }

  @FieldResolver(() => TeacherRef, { description: '主持人' })
  host(@Root() s: Studio): TeacherRef {
    return teacherRef(s.hostTeacherId);
  }

  @FieldResolver(() => SchoolRef, { description: "The host's school when the studio was recorded" })
  hostSchool(@Root() s: Studio): SchoolRef {
    return schoolRef(s.hostSchoolId);
  }

  @FieldResolver(() => [TeacherRef], { description: 'Member teachers (the host not among them)' })
  async members(@Root() s: Studio, @Ctx() ctx: DevelopmentContext): Promise<TeacherRef[]> {
    return (await ctx.loaders.membersByStudio.load(s.id)).map((m) => teacherRef(m.teacherId));
  }

  @FieldResolver(() => Int, { description: 'How many member teachers' })
  async memberCount(@Root() s: Studio, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.membersByStudio.load(s.id)).length;
  }

  @FieldResolver(() => Int, { description: 'Demonstration lessons (课次) of the studio in the year (list them with Query.lessons)' })
  async lessonCount(@Root() s: Studio, @Arg('year', () => Int) year: number, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.loaders.studioLessons.load({ studioId: s.id, year });
  }

  @Mutation(() => BulkResult, {
    description:
      "Creates or updates studios by 工作室名称 from rows shaped like the studios sheet (one row per member, studio columns repeated), adding the members named; the host must hold a designation valid in the founding year that qualifies for the kind (名师工作室: 名师, 特级教师, 学科带头人, 骨干教师, 中原英才计划 and its sub-titles; 名班主任工作室: 名班主任). Up to 1,000 rows, one transaction (DISTRICT_ADMIN; SCHOOL_ADMIN for studios of their teachers). Each row result carries the studio's id.",
  })
  async upsertStudios(
    @Arg('rows', () => [StudioInput]) rows: StudioInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: DevelopmentContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'studios', teachers: { directory: ctx.directory, ids: (r) => [r.hostTeacherId, r.memberTeacherId] } },
      (p, personnel) => studioPlan(p, personnel, ctx.clock.now()),
    );
  }
}
