import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DevelopmentContext } from '../context';
import { SchoolDevelopmentFigures } from './school-figures.type';

/** Each figure is a batched GROUP BY (see school-figures.ts), asked only when the field is. */
@Resolver(() => SchoolDevelopmentFigures)
export class SchoolDevelopmentFiguresResolver {
  @FieldResolver(() => Int, { description: 'Training person-times (人次) in the year' })
  async trainingPersonTimes(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.schoolTraining.load(f)).personTimes;
  }

  @FieldResolver(() => Int, { description: '培训获得学时 summed over the year' })
  async trainingHours(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.schoolTraining.load(f)).hours;
  }

  @FieldResolver(() => Int, { description: 'Distinct teachers with at least one training in the year' })
  async trainedTeachers(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.schoolTraining.load(f)).teachers;
  }

  @FieldResolver(() => Int, { description: 'Person-times of trainings on 师德 or 思想政治 in the year' })
  async ethicsPoliticalTrainingPersonTimes(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.schoolTraining.load(f)).ethicsPoliticalPersonTimes;
  }

  @FieldResolver(() => Int, { description: 'Distinct teachers holding a designation valid in the year' })
  async designatedTeachers(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.schoolDesignations.load(f)).designatedTeachers;
  }

  @FieldResolver(() => Int, { description: 'Designations conferred in the year (认定年度 = year)' })
  async newDesignations(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.loaders.schoolDesignations.load(f)).newDesignations;
  }

  @FieldResolver(() => Int, { description: "Studios hosted by the school's teachers, founded in the year or before" })
  async studios(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.loaders.schoolStudios.load(f);
  }

  @FieldResolver(() => Int, { description: "Demonstration lessons (课次) given by the school's teachers in the year" })
  async lessons(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.loaders.schoolLessons.load(f);
  }

  @FieldResolver(() => Int, { description: "Mentoring pairs of the school's mentees that ran during the year" })
  async mentoringPairs(@Root() f: SchoolDevelopmentFigures, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.loaders.schoolMentoring.load(f);
  }
}
