import { Figure } from '@tw/kernel';
import { Ctx, Directive, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { DevelopmentContext } from '../context';
import { BACKBONE_NOT_PARTY_MEMBER, BACKBONE_PARTY_MEMBERS, BACKBONE_TEACHER_COUNT, DEMONSTRATION_LESSONS, DESIGNATED_SHARE_OF_PUBLIC_TEACHERS, DESIGNATED_TEACHER_COUNT, ETHICS_TRAINING_PERSON_TIMES, ETHICS_TRAINING_SESSIONS, NEW_DESIGNATIONS, PARTY_MEMBER_NOT_BACKBONE, PERSON_TIMES_BY_LEVEL, STUDIOS_BY_KIND_AND_LEVEL, STUDIO_COUNT, TRAINING_HOURS, TRAINING_PERSON_TIMES } from './figure-definitions';
import { DistrictReportRef, StudioKindLevelCount, TrainingLevelCount } from './report-types';
import { shareOf } from './share';

/** Professional development's figures of the district report. */
@Resolver(() => DistrictReportRef)
export class DistrictReportResolver {
  @FieldResolver(() => Int, { description: 'Training participations (人次) of the year' })
  @Figure(TRAINING_PERSON_TIMES)
  async trainingPersonTimes(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).personTimes;
  }

  @FieldResolver(() => Int, { description: '培训获得学时 summed over the participations of the year' })
  @Figure(TRAINING_HOURS)
  async trainingHours(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).hours;
  }

  @FieldResolver(() => Int, { description: 'Participations of the year in programmes on 师德 or 思想政治' })
  @Figure(ETHICS_TRAINING_PERSON_TIMES)
  async ethicsTrainingPersonTimes(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).ethicsPersonTimes;
  }

  @FieldResolver(() => Int, { description: 'Sessions: distinct programmes on 师德 or 思想政治 with a participation in the year' })
  @Figure(ETHICS_TRAINING_SESSIONS)
  async ethicsTrainingSessions(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtTraining.load(r.year)).ethicsSessions;
  }

  @FieldResolver(() => [TrainingLevelCount], { description: 'Person-times and hours of the year by 培训类别 (国家级…校级); every level listed' })
  @Figure(PERSON_TIMES_BY_LEVEL)
  async personTimesByLevel(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<TrainingLevelCount[]> {
    return [...(await ctx.reports.districtTraining.load(r.year)).byLevel];
  }

  @FieldResolver(() => Int, { description: 'Designations conferred (认定年度) from sinceYear through year' })
  @Figure(NEW_DESIGNATIONS)
  async newDesignations(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.reports.districtNewDesignations.load(r);
  }

  @FieldResolver(() => Int, { description: 'Distinct public-school teachers (serving now) holding a designation valid in the year (名师, 骨干…): counted by personnel' })
  @Figure(DESIGNATED_TEACHER_COUNT)
  async designatedTeacherCount(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtDesignated(r.year)).designatedPublic;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'designatedTeacherCount ÷ publicTeacherCount, 4 places (null when the district has no public teacher)' })
  @Directive('@requires(fields: "publicTeacherCount")')
  @Figure(DESIGNATED_SHARE_OF_PUBLIC_TEACHERS)
  async designatedShareOfPublicTeachers(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number | null> {
    return shareOf((await ctx.reports.districtDesignated(r.year)).designatedPublic, r.publicTeacherCount);
  }

  @FieldResolver(() => Int, { description: 'Backbone teachers: teachers (serving now, any school) holding a designation valid in the year' })
  @Figure(BACKBONE_TEACHER_COUNT)
  async backboneTeacherCount(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtDesignated(r.year)).backbone;
  }

  @FieldResolver(() => Int, { description: 'Backbone teachers who are party members (dual cultivation)' })
  @Figure(BACKBONE_PARTY_MEMBERS)
  async backbonePartyMembers(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtDesignated(r.year)).backboneParty;
  }

  @FieldResolver(() => Int, { description: 'Backbone teachers who are not party members (dual cultivation: to cultivate into party members)' })
  @Figure(BACKBONE_NOT_PARTY_MEMBER)
  async backboneNotPartyMember(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    const f = await ctx.reports.districtDesignated(r.year);
    return f.backbone - f.backboneParty;
  }

  @FieldResolver(() => Int, { description: 'Party-member teachers who are not backbone (dual cultivation: to cultivate into backbone): partyMemberTeacherCount − backbonePartyMembers' })
  @Directive('@requires(fields: "partyMemberTeacherCount")')
  @Figure(PARTY_MEMBER_NOT_BACKBONE)
  async partyMemberNotBackbone(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (r.partyMemberTeacherCount ?? 0) - (await ctx.reports.districtDesignated(r.year)).backboneParty;
  }

  @FieldResolver(() => [StudioKindLevelCount], { description: 'Studios existing in the year (founded then or before), by kind and level; every pair listed' })
  @Figure(STUDIOS_BY_KIND_AND_LEVEL)
  async studiosByKindAndLevel(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<StudioKindLevelCount[]> {
    return [...(await ctx.reports.districtStudios.load(r.year))];
  }

  @FieldResolver(() => Int, { description: 'Studios existing in the year' })
  @Figure(STUDIO_COUNT)
  async studioCount(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.districtStudios.load(r.year)).reduce((s, c) => s + c.count, 0);
  }

  @FieldResolver(() => Int, { description: 'Demonstration lessons (示范课/观摩课/公开课) dated in the year, in lesson-times (课次)' })
  @Figure(DEMONSTRATION_LESSONS)
  async demonstrationLessons(@Root() r: DistrictReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.reports.districtLessons.load(r.year);
  }
}
