import { badInput, Figure, requireReportReader, requireYear, sinceYearOf } from '@tw/kernel';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PersonnelContext } from '../context';
import { DistrictReport, HireChannelCount } from './district-report.type';
import { IN_QUOTA_HIRES, PARTY_MEMBER_TEACHER_COUNT, PUBLIC_SCHOOL_COUNT, PUBLIC_TEACHER_COUNT, QUOTA_APPROVED, QUOTA_FILLED, RECRUITED_BY_CHANNEL, RECRUITED_TOTAL, ROTATIONS, SCHOOL_COUNT, TEACHER_COUNT } from './figure-definitions';

/** The most years one `districtReports` answers (one entity per year). */
export const MAX_TREND_YEARS = 30;

/** Personnel's figures of the district report: the roster on the year's statistics day, and the year's hires, rotations and quotas. */
@Resolver(() => DistrictReport)
export class DistrictReportResolver {
  @Query(() => DistrictReport, {
    description: "The district's yearly indicators (DISTRICT_ADMIN, SCHOOL_ADMIN, ANALYST). Every subgraph adds its figures to the one entity.",
  })
  districtReport(
    @Arg('year', () => Int) year: number,
    @Arg('sinceYear', () => Int, { nullable: true, description: 'First year of newDesignations (default: year)' }) sinceYear: number | null,
    @Ctx() ctx: PersonnelContext,
  ): DistrictReport {
    requireReportReader(ctx);
    requireYear(year);
    return DistrictReport.of(year, sinceYearOf(year, sinceYear));
  }

  @Query(() => [DistrictReport], {
    description: `The district report of each year from fromYear through toYear (at most ${MAX_TREND_YEARS}), oldest first: each service computes all the years in one statement per figure`,
  })
  districtReports(
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Arg('sinceYear', () => Int, { nullable: true, description: 'First year of newDesignations for every year (at most fromYear); default: each report’s own year' })
    sinceYear: number | null,
    @Ctx() ctx: PersonnelContext,
  ): DistrictReport[] {
    requireReportReader(ctx);
    requireYear(fromYear, 'fromYear');
    requireYear(toYear, 'toYear');
    if (toYear < fromYear) throw badInput(`toYear ${toYear} is before fromYear ${fromYear}`, { field: 'toYear' });
    if (toYear - fromYear + 1 > MAX_TREND_YEARS) throw badInput(`At most ${MAX_TREND_YEARS} years at once; asked for ${toYear - fromYear + 1}`, { field: 'toYear' });
    if (sinceYear !== null) sinceYearOf(fromYear, sinceYear);
    return Array.from({ length: toYear - fromYear + 1 }, (_, i) => DistrictReport.of(fromYear + i, sinceYear ?? fromYear + i));
  }

  @FieldResolver(() => Int, { description: 'Schools of the district (now)' })
  @Figure(SCHOOL_COUNT)
  async schoolCount(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRoster(r.year)).schools;
  }

  @FieldResolver(() => Int, { description: 'Public (公办) schools of the district (now)' })
  @Figure(PUBLIC_SCHOOL_COUNT)
  async publicSchoolCount(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRoster(r.year)).publicSchools;
  }

  @FieldResolver(() => Int, { description: 'Teachers: in the roster on the year\'s statistics day (STATISTICS_DAY, default 12-31) with status 在本单位任职 or 暂未在本单位任职 then, from the teachers\' versions' })
  @Figure(TEACHER_COUNT)
  async teacherCount(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRoster(r.year)).teachers;
  }

  @FieldResolver(() => Int, { description: 'Teachers of public (公办) schools' })
  @Figure(PUBLIC_TEACHER_COUNT)
  async publicTeacherCount(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRoster(r.year)).publicTeachers;
  }

  @FieldResolver(() => Int, { description: 'Teachers who are party members (中国共产党党员 or 中国共产党预备党员)' })
  @Figure(PARTY_MEMBER_TEACHER_COUNT)
  async partyMemberTeacherCount(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRoster(r.year)).partyMembers;
  }

  @FieldResolver(() => Int, { description: 'Hires whose 入编日期 (in-quota date) falls in the year' })
  @Figure(IN_QUOTA_HIRES)
  async inQuotaHires(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRecruitment.load(r.year)).inQuotaHires;
  }

  @FieldResolver(() => [HireChannelCount], { description: 'Hires of the year (招聘年度), by channel; every channel listed' })
  @Figure(RECRUITED_BY_CHANNEL)
  async recruitedByChannel(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<HireChannelCount[]> {
    return [...(await ctx.reports.loaders.districtRecruitment.load(r.year)).recruitedByChannel];
  }

  @FieldResolver(() => Int, { description: 'Hires of the year (招聘年度), all channels' })
  @Figure(RECRUITED_TOTAL)
  async recruitedTotal(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRecruitment.load(r.year)).recruitedByChannel.reduce((s, c) => s + c.count, 0);
  }

  @FieldResolver(() => Int, { description: 'Rotations (交流轮岗) whose 开始年月 falls in the year' })
  @Figure(ROTATIONS)
  async rotations(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRecruitment.load(r.year)).rotations;
  }

  @FieldResolver(() => Int, { description: '核定编制数: posts approved for the year, all schools' })
  @Figure(QUOTA_APPROVED)
  async quotaApproved(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRecruitment.load(r.year)).quotaApproved ?? 0;
  }

  @FieldResolver(() => Int, { description: 'Posts filled: teachers holding an established post (是否在编) on the year\'s statistics day' })
  @Figure(QUOTA_FILLED)
  async quotaFilled(@Root() r: DistrictReport, @Ctx() ctx: PersonnelContext): Promise<number> {
    return (await ctx.reports.loaders.districtRoster(r.year)).inQuota;
  }
}

/** The entity as the gateway asks for it after another subgraph's fields. */
export function resolveDistrictReportReference(ref: { year: number; sinceYear: number }, ctx: PersonnelContext): DistrictReport {
  requireReportReader(ctx);
  return DistrictReport.of(ref.year, ref.sinceYear);
}
