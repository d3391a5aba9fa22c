import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, requirePrincipal, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trainingPlan } from '../bulk/trainings.plan';
import { TrainingProgramme } from '../entities/training-programme.entity';
import { TrainingInput, TrainingProgrammeFilter } from '../inputs/training.input';
import { DevelopmentContext } from '../context';
import { containing } from '@tw/kernel';

export const TrainingProgrammeConnection = ConnectionType(TrainingProgramme, 'TrainingProgramme');

/** Programmes are events, not personal data: every signed-in role reads them and their totals. */
@Resolver(() => TrainingProgramme)
export class TrainingProgrammeResolver {
  @Query(() => TrainingProgrammeConnection, { description: 'Training programmes, by year, level, topic, mode or name, a page at a time' })
  async trainingProgrammes(
    @Arg('filter', () => TrainingProgrammeFilter, { nullable: true }) filter: TrainingProgrammeFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: DevelopmentContext,
  ) {
    requirePrincipal(ctx);
    const qb = ctx.ds.getRepository(TrainingProgramme).createQueryBuilder('g');
    if (filter?.year) qb.andWhere('g.year = :year', { year: filter.year });
    if (filter?.levels?.length) qb.andWhere('g.level IN (:...levels)', { levels: filter.levels });
    if (filter?.topics?.length) qb.andWhere('g.topic IN (:...topics)', { topics: filter.topics });
    if (filter?.mode) qb.andWhere('g.mode = :mode', { mode: filter.mode });
    if (filter?.nameContains) qb.andWhere(...containing('g.name', 'name', filter.nameContains));
    return paginate(qb, page);
  }

  @Query(() => TrainingProgramme, { nullable: true, description: 'A training programme by id' })
  async trainingProgramme(@Arg('id', () => ID) id: string, @Ctx() ctx: DevelopmentContext): Promise<TrainingProgramme | null> {
    requirePrincipal(ctx);
    return ctx.loaders.programme.load(id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the topic was inferred from the project name (no file gave 培训主题)' })
  topicInferred(@Root() g: TrainingProgramme): boolean {
    return g.topicSource === 'INFERRED';
  }

  @FieldResolver(() => Int, { description: 'Person-times (人次): the participations recorded' })
  async personTimes(@Root() g: TrainingProgramme, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.programmeTotals.load(g.id)).personTimes;
  }

  @FieldResolver(() => Int, { description: '培训获得学时 summed over the participations' })
  async totalHours(@Root() g: TrainingProgramme, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.programmeTotals.load(g.id)).hours;
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates training participations (one 国内培训 row each) by teacher + 培训年度 + 培训项目名称, and their programmes by year + name + level; up to 1,000 rows, one transaction (DISTRICT_ADMIN; SCHOOL_ADMIN for their teachers). Each row result carries the participation id.',
  })
  async upsertTrainings(
    @Arg('rows', () => [TrainingInput]) rows: TrainingInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: DevelopmentContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'trainings', teachers: { directory: ctx.directory, ids: (r) => [r.teacherId] } },
      (_, personnel) => trainingPlan(personnel, ctx.clock.now()),
    );
  }
}
