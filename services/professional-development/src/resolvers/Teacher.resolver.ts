import { currentYearInChina, todayInChina } from '@tw/kernel';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root, UseMiddleware } from 'type-graphql';
import { Designation } from '../entities/designation.entity';
import { MentoringPair } from '../entities/mentoring-pair.entity';
import { Studio } from '../entities/studio.entity';
import { TeacherRef, teacherRef } from '../entities/teacher-ref';
import { TrainingParticipation } from '../entities/training-participation.entity';
import { DevelopmentContext } from '../context';
import { PERSONAL, PersonalField } from '../personal-field';
import { highestDesignation } from '../rules/designation-rank';

const REQUIRES_SCHOOL = '@requires(fields: "school { id }")';
const isCurrent = (p: MentoringPair, day: string) => p.startDate <= day && (p.endDate === null || p.endDate >= day);

/** The fields this subgraph adds to Teacher: every one personal (see PersonalField). */
@Resolver(() => TeacherRef)
export class TeacherResolver {
  @FieldResolver(() => [TrainingParticipation], { nullable: true, description: `Training participations (国内培训), latest year first; all years when no year is given. ${PERSONAL}` })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async trainings(
    @Root() t: TeacherRef,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: DevelopmentContext,
  ): Promise<TrainingParticipation[]> {
    const all = await ctx.loaders.participationsByTeacher.load(t.id);
    return year === null || year === undefined ? all : all.filter((p) => p.year === year);
  }

  @FieldResolver(() => Int, { nullable: true, description: `培训获得学时 summed over the year (all years when none is given). ${PERSONAL}` })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async trainingHours(@Root() t: TeacherRef, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: DevelopmentContext): Promise<number> {
    const byYear = await ctx.loaders.trainingTotals.load(t.id);
    return [...byYear].filter(([y]) => year === null || year === undefined || y === year).reduce((s, [, v]) => s + v.hours, 0);
  }

  @FieldResolver(() => Int, { nullable: true, description: `Training person-times (人次: participations) in the year (all years when none is given). ${PERSONAL}` })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async trainingPersonTimes(@Root() t: TeacherRef, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: DevelopmentContext): Promise<number> {
    const byYear = await ctx.loaders.trainingTotals.load(t.id);
    return [...byYear].filter(([y]) => year === null || year === undefined || y === year).reduce((s, [, v]) => s + v.personTimes, 0);
  }

  @FieldResolver(() => [Designation], { nullable: true, description: `Every designation conferred (the history), latest first, expired ones included. ${PERSONAL}` })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async designations(@Root() t: TeacherRef, @Ctx() ctx: DevelopmentContext): Promise<Designation[]> {
    return ctx.loaders.designationsByTeacher.load(t.id);
  }

  @FieldResolver(() => Designation, {
    nullable: true,
    description: `The top of the teacher's tier ladder: the highest designation valid in the year (this year when none is given), ranked by level first (国家级 highest), then by kind (中原名师, 中原教学名师, 特级教师, 中原英才计划, 名师, 名班主任, 学科带头人, 骨干教师, 其他). Null when none is valid. ${PERSONAL}`,
  })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async highestDesignation(@Root() t: TeacherRef, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: DevelopmentContext): Promise<Designation | null> {
    return highestDesignation(await ctx.loaders.designationsByTeacher.load(t.id), year ?? currentYearInChina(ctx.clock));
  }

  @FieldResolver(() => [Studio], { nullable: true, description: `Studios the teacher hosts or is a member of. ${PERSONAL}` })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async studios(@Root() t: TeacherRef, @Ctx() ctx: DevelopmentContext): Promise<Studio[]> {
    const ids = [...new Set((await ctx.loaders.studioIdsByTeacher.load(t.id)).map((r) => r.studioId))];
    const studios = await ctx.loaders.studio.loadMany(ids);
    return studios.filter((s): s is Studio => !!s && !(s instanceof Error)).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  @FieldResolver(() => TeacherRef, { nullable: true, description: `The mentor (师傅) of the teacher's current pairing, the latest begun when there are several. ${PERSONAL}` })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async mentor(@Root() t: TeacherRef, @Ctx() ctx: DevelopmentContext): Promise<TeacherRef | null> {
    const day = todayInChina(ctx.clock);
    const current = (await ctx.loaders.pairsByMentee.load(t.id)).find((p) => isCurrent(p, day));
    return current ? teacherRef(current.mentorId) : null;
  }

  @FieldResolver(() => [TeacherRef], { nullable: true, description: `The mentees (徒弟) of the teacher's current pairings. ${PERSONAL}` })
  @Directive(REQUIRES_SCHOOL)
  @UseMiddleware(PersonalField)
  async mentees(@Root() t: TeacherRef, @Ctx() ctx: DevelopmentContext): Promise<TeacherRef[]> {
    const day = todayInChina(ctx.clock);
    return (await ctx.loaders.pairsByMentor.load(t.id)).filter((p) => isCurrent(p, day)).map((p) => teacherRef(p.menteeId));
  }
}
