import { Ctx, Directive, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { DevelopmentContext } from '../context';
import { requireReportReader } from './report-access';
import { DistrictReportRef, StudioKindLevelCount, TrainingLevelCount } from './report-types';
import { shareOf } from './share';

/** Professional development's figures of the district report. */
@Resolver(() => DistrictReportRef)
export class DistrictReportResolver {
  @FieldResolver(() => Int, { description: 'Training participations (人次) of the year' })
  async trainingPersonTimes(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).personTimes;
  }

  @FieldResolver(() => Int, { description: '培训获得学时 summed over the participations of the year' })
  async trainingHours(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).hours;
  }

  @FieldResolver(() => Int, { description: 'Participations of the year in programmes on 师德 or 思想政治' })
  async ethicsTrainingPersonTimes(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).ethicsPersonTimes;
  }

  @FieldResolver(() => Int, { description: 'Sessions: distinct programmes on 师德 or 思想政治 with a participation in the year' })
  async ethicsTrainingSessions(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).ethicsSessions;
  }

  @FieldResolver(() => [TrainingLevelCount], { description: 'Person-times and hours of the year by 培训类别 (国家级…校级); every level listed' })
  async personTimesByLevel(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<TrainingLevelCount[]> {
    return [...(await ctx.reports.districtTraining.load(r.year)).byLevel];
  }

  @FieldResolver(() => Int, { description: 'Designations conferred (认定年度) from sinceYear through year' })
  async newDesignations(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.reports.districtNewDesignations.load(r);
  }

  @FieldResolver(() => Int, { description: 'Distinct public-school teachers (serving now) holding a designation valid in the year (名师, 骨干…): counted by personnel' })
  async designatedTeacherCount(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtDesignated(r.year)).designatedPublic;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'designatedTeacherCount ÷ publicTeacherCount, 4 places (null when the district has no public teacher)' })
  @Directive('@requires(fields: "publicTeacherCount")')
  async designatedShareOfPublicTeachers(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number | null> {
    return shareOf((await ctx.reports.districtDesignated(r.year)).designatedPublic, r.publicTeacherCount);
  }

  @FieldResolver(() => Int, { description: 'Backbone teachers: teachers (serving now, any school) holding a designation valid in the year' })
  async backboneTeacherCount(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtDesignated(r.year)).backbone;
  }

  @FieldResolver(() => Int, { description: 'Backbone teachers who are party members (dual cultivation)' })
  async backbonePartyMembers(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtDesignated(r.year)).backboneParty;
  }

  @FieldResolver(() => Int, { description: 'Backbone teachers who are not party members (dual cultivation: to cultivate into party members)' })
  async backboneNotPartyMember(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    const f = await ctx.reports.districtDesignated(r.year);
    return f.backbone - f.backboneParty;
  }

  @FieldResolver(() => Int, { description: 'Party-member teachers who are not backbone (dual cultivation: to cultivate into backbone): partyMemberTeacherCount − backbonePartyMembers' })
  @Directive('@requires(fields: "partyMemberTeacherCount")')
  async partyMemberNotBackbone(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (r.partyMemberTeacherCount ?? 0) - (await ctx.reports.districtDesignated(r.year)).backboneParty;
  }

  @FieldResolver(() => [StudioKindLevelCount], { description: 'Studios existing in the year (founded then or before), by kind and level; every pair listed' })
  async studiosByKindAndLevel(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<StudioKindLevelCount[]> {
    return [...(await ctx.reports.districtStudios.load(r.year))];
  }

  @FieldResolver(() => Int, { description: 'Studios existing in the year' })
  async studioCount(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtStudios.load(r.year)).reduce((s, c) => s + c.count, 0);
  }

  @FieldResolver(() => Int, { description: 'Demonstration lessons (示范课/观摩课/公开课) dated in the year, in lesson-times (课次)' })
  async demonstrationLessons(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.reports.districtLessons.load(r.year);
  }
}

/** The representation passes through: the fields read the key and the @required counts from it. */
export function resolveDistrictReportReference(ref: DistrictReportRef, ctx: DevelopmentContext): DistrictReportRef {
  requireReportReader(ctx);
  return ref;
}
