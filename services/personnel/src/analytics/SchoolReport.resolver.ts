import { Figure, requireSchoolReportReader, requireYear, sinceYearOf } from '@tw/kernel';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { School } from '../entities/school.entity';
import { PersonnelContext } from '../context';
import { HireChannelCount } from './district-report.type';
import { IN_QUOTA_HIRES, PARTY_MEMBER_TEACHER_COUNT, PUBLIC_TEACHER_COUNT, QUOTA_APPROVED, QUOTA_FILLED, RECRUITED_TOTAL, ROTATIONS, TEACHER_COUNT } from './figure-definitions';
import { rosterOf } from './report-loaders';
import { SchoolReport } from './school-report.type';

/** Personnel's figures of a school's report: its roster on the year's statistics day, and the year's hires, rotations and quota. */
@Resolver(() => SchoolReport)
export class SchoolReportResolver {
  @FieldResolver(() => School, { nullable: true })
  school(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<School | null> {
    return ctx.loaders.school.load(r.schoolId);
  }

  @FieldResolver(() => Int, { description: "The school's teachers on the year's statistics day (在本单位任职 or 暂未在本单位任职 then, at this school then)" })
  @Figure(TEACHER_COUNT)
  async teacherCount(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await rosterOf(ctx.reports.loaders, r)).teachers;
  }

  @FieldResolver(() => Int, { description: 'teacherCount when the school is public (公办), else 0' })
  @Figure(PUBLIC_TEACHER_COUNT)
  async publicTeacherCount(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    const roster = await rosterOf(ctx.reports.loaders, r);
    return roster.isPublic ? roster.teachers : 0;
  }

  @FieldResolver(() => Int, { description: 'Its teachers who are party members' })
  @Figure(PARTY_MEMBER_TEACHER_COUNT)
  async partyMemberTeacherCount(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await rosterOf(ctx.reports.loaders, r)).partyMembers;
  }

  @FieldResolver(() => Int, { description: 'Hires with an in-quota date in the year, of teachers serving here on the year\'s statistics day' })
  @Figure(IN_QUOTA_HIRES)
  async inQuotaHires(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.schoolRecruitment.load(r)).inQuotaHires;
  }

  @FieldResolver(() => [HireChannelCount], { description: 'Hires of the year by channel, of teachers serving here on the year\'s statistics day' })
  async recruitedByChannel(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<HireChannelCount[]> {
    return [...(await ctx.reports.loaders.schoolRecruitment.load(r)).recruitedByChannel];
  }

  @FieldResolver(() => Int, { description: 'Hires of the year, of teachers serving here on the year\'s statistics day' })
  @Figure(RECRUITED_TOTAL)
  async recruitedTotal(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.schoolRecruitment.load(r)).recruitedByChannel.reduce((s, c) => s + c.count, 0);
  }

  @FieldResolver(() => Int, { description: 'Rotations starting in the year from this school (原单位)' })
  @Figure(ROTATIONS)
  async rotations(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.schoolRecruitment.load(r)).rotations;
  }

  @FieldResolver(() => Int, { nullable: true, description: '核定编制数 of the year (null when none is approved)' })
  @Figure(QUOTA_APPROVED)
  async quotaApproved(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number | null> {
    return (await ctx.reports.loaders.schoolRecruitment.load(r)).quotaApproved;
  }

  @FieldResolver(() => Int, { description: 'Posts filled: its teachers holding an established post on the year\'s statistics day' })
  @Figure(QUOTA_FILLED)
  async quotaFilled(@Root() r: SchoolReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await rosterOf(ctx.reports.loaders, r)).inQuota;
  }
}

/** `School.report(year)`: one school's row of the comparison. */
@Resolver(() => School)
export class SchoolReportFieldResolver {
  @FieldResolver(() => SchoolReport, { description: "The school's yearly figures (DISTRICT_ADMIN and ANALYST any school; SCHOOL_ADMIN their own)" })
  report(
    @Root() s: School,
    @Arg('year', () => Int) year: number,
    @Arg('sinceYear', () => Int, { nullable: true, description: 'First year of newDesignations (default: year)' }) sinceYear: number | null,
    @Ctx() ctx: PersonnelContext,
  ): SchoolReport {
    requireSchoolReportReader(ctx, s.id);
    requireYear(year);
    return SchoolReport.of(s.id, year, sinceYearOf(year, sinceYear));
  }
}

/** The entity as the gateway asks for it after another subgraph's fields. */
export function resolveSchoolReportReference(ref: { schoolId: string; year: number; sinceYear: number }, ctx: PersonnelContext): SchoolReport {
  requireSchoolReportReader(ctx, ref.schoolId);
  return SchoolReport.of(ref.schoolId, ref.year, ref.sinceYear);
}
