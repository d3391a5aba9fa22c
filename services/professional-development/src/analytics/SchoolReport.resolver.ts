import { Figure } from '@tw/kernel';
import { Ctx, Directive, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { DevelopmentContext } from '../context';
import { BACKBONE_NOT_PARTY_MEMBER, BACKBONE_PARTY_MEMBERS, BACKBONE_TEACHER_COUNT, DEMONSTRATION_LESSONS, DESIGNATED_SHARE_OF_PUBLIC_TEACHERS, DESIGNATED_TEACHER_COUNT, ETHICS_TRAINING_PERSON_TIMES, ETHICS_TRAINING_SESSIONS, NEW_DESIGNATIONS, PARTY_MEMBER_NOT_BACKBONE, STUDIO_COUNT, TRAINING_HOURS, TRAINING_PERSON_TIMES } from './figure-definitions';
import { SchoolReportRef, StudioKindLevelCount, TrainingLevelCount } from './report-types';
import { shareOf } from './share';

/**
 * Professional development's figures of a school's report: records count at the school recorded on
 * them; the designated-teacher figures at the school personnel holds for the teacher now.
 */
@Resolver(() => SchoolReportRef)
export class SchoolReportResolver {
  @FieldResolver(() => Int, { description: 'Training participations (人次) of the year recorded at the school' })
  @Figure(TRAINING_PERSON_TIMES)
  async trainingPersonTimes(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolTraining.load(r)).personTimes;
  }

  @FieldResolver(() => Int, { description: '培训获得学时 of those participations' })
  @Figure(TRAINING_HOURS)
  async trainingHours(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolTraining.load(r)).hours;
  }

  @FieldResolver(() => Int, { description: 'Of those, participations in programmes on 师德 or 思想政治' })
  @Figure(ETHICS_TRAINING_PERSON_TIMES)
  async ethicsTrainingPersonTimes(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolTraining.load(r)).ethicsPersonTimes;
  }

  @FieldResolver(() => Int, { description: 'Distinct 师德/思想政治 programmes the school’s teachers took part in during the year' })
  @Figure(ETHICS_TRAINING_SESSIONS)
  async ethicsTrainingSessions(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolTraining.load(r)).ethicsSessions;
  }

  @FieldResolver(() => [TrainingLevelCount], { description: 'Person-times and hours by 培训类别; every level listed' })
  async personTimesByLevel(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<TrainingLevelCount[]> {
    return [...(await ctx.reports.schoolTraining.load(r)).byLevel];
  }

  @FieldResolver(() => Int, { description: 'Designations conferred from sinceYear through year, recorded at the school' })
  @Figure(NEW_DESIGNATIONS)
  async newDesignations(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.reports.schoolNewDesignations.load(r);
  }

  @FieldResolver(() => Int, { description: 'Its teachers now (when the school is public) holding a designation valid in the year' })
  @Figure(DESIGNATED_TEACHER_COUNT)
  async designatedTeacherCount(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolDesignated(r)).designatedPublic;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'designatedTeacherCount ÷ publicTeacherCount, 4 places (null for a private school or one without teachers)' })
  @Directive('@requires(fields: "publicTeacherCount")')
  @Figure(DESIGNATED_SHARE_OF_PUBLIC_TEACHERS)
  async designatedShareOfPublicTeachers(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number | null> {
    return shareOf((await ctx.reports.schoolDesignated(r)).designatedPublic, r.publicTeacherCount);
  }

  @FieldResolver(() => Int, { description: 'Its teachers now holding a designation valid in the year' })
  @Figure(BACKBONE_TEACHER_COUNT)
  async backboneTeacherCount(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolDesignated(r)).backbone;
  }

  @FieldResolver(() => Int, { description: 'Of those, party members' })
  @Figure(BACKBONE_PARTY_MEMBERS)
  async backbonePartyMembers(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolDesignated(r)).backboneParty;
  }

  @FieldResolver(() => Int, { description: 'Of those, not party members' })
  @Figure(BACKBONE_NOT_PARTY_MEMBER)
  async backboneNotPartyMember(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    const f = await ctx.reports.schoolDesignated(r);
    return f.backbone - f.backboneParty;
  }

  @FieldResolver(() => Int, { description: 'Its party-member teachers who are not backbone' })
  @Directive('@requires(fields: "partyMemberTeacherCount")')
  @Figure(PARTY_MEMBER_NOT_BACKBONE)
  async partyMemberNotBackbone(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (r.partyMemberTeacherCount ?? 0) - (await ctx.reports.schoolDesignated(r)).backboneParty;
  }

  @FieldResolver(() => [StudioKindLevelCount], { description: 'Studios hosted at the school (host’s school recorded) existing in the year, by kind and level' })
  async studiosByKindAndLevel(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<StudioKindLevelCount[]> {
    return [...(await ctx.reports.schoolStudios.load(r))];
  }

  @FieldResolver(() => Int, { description: 'Studios hosted at the school existing in the year' })
  @Figure(STUDIO_COUNT)
  async studioCount(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return (await ctx.reports.schoolStudios.load(r)).reduce((s, c) => s + c.count, 0);
  }

  @FieldResolver(() => Int, { description: 'Demonstration lessons (课次) of the year given by teachers recorded at the school' })
  @Figure(DEMONSTRATION_LESSONS)
  async demonstrationLessons(@Root() r: SchoolReportRef, @Ctx() ctx: DevelopmentContext): Promise<number> {
    return ctx.reports.schoolLessons.load(r);
  }
}
