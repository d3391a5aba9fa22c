import { ConnectionType, PageArgs, paginate, recordScope } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { SchoolRef, schoolRef } from '../entities/school-ref';
import { TeacherRef, teacherRef } from '../entities/teacher-ref';
import { TrainingParticipation } from '../entities/training-participation.entity';
import { TrainingProgramme } from '../entities/training-programme.entity';
import { TrainingParticipationFilter } from '../inputs/training.input';
import { DevelopmentContext } from '../context';

export const TrainingParticipationConnection = ConnectionType(TrainingParticipation, 'TrainingParticipation');

@Resolver(() => TrainingParticipation)
export class TrainingParticipationResolver {
  @Query(() => TrainingParticipationConnection, {
    description:
      "Training participations, by programme, year, teacher or school, a page at a time: all for DISTRICT_ADMIN, the records of their school for SCHOOL_ADMIN, their own for TEACHER (not ANALYST, who reads School.professionalDevelopment)",
  })
  async trainingParticipations(
    @Arg('filter', () => TrainingParticipationFilter, { nullable: true }) filter: TrainingParticipationFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: DevelopmentContext,
  ) {
    const scope = recordScope(ctx, filter?.schoolId);
    const qb = ctx.ds.getRepository(TrainingParticipation).createQueryBuilder('p');
    if ('schoolId' in scope) qb.andWhere('p.school_id = :scopeSchool', { scopeSchool: scope.schoolId });
    if ('teacherId' in scope) qb.andWhere('p.teacher_id = :scopeTeacher', { scopeTeacher: scope.teacherId });
    if (filter?.programmeId) qb.andWhere('p.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter?.year) qb.andWhere('p.year = :year', { year: filter.year });
    if (filter?.teacherId) qb.andWhere('p.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.schoolId) qb.andWhere('p.school_id = :schoolId', { schoolId: filter.schoolId });
    return paginate(qb, page);
  }

  @FieldResolver(() => TrainingProgramme)
  async programme(@Root() p: TrainingParticipation, @Ctx() ctx: DevelopmentContext): Promise<TrainingProgramme> {
    const g = await ctx.loaders.programme.load(p.programmeId);
    if (!g) throw new Error(`Participation ${p.id} names a programme ${p.programmeId} that does not exist`);
    return g;
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() p: TrainingParticipation): TeacherRef {
    return teacherRef(p.teacherId);
  }

  @FieldResolver(() => SchoolRef, { description: "The teacher's school when the record was written" })
  school(@Root() p: TrainingParticipation): SchoolRef {
    return schoolRef(p.schoolId);
  }
}
