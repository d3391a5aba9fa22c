import { Figure, graphqlEnum, REFORM_STATUS } from '@tw/kernel';
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { ReformStatus } from '../entities/school-reform.entity';
import { GovernanceContext } from '../context';
import { reduction } from '../resolvers/Inspection.resolver';
import { ETHICS_VETOED_TEACHERS, INSPECTIONS, INSPECTIONS_PREVIOUS_YEAR, INSPECTION_REDUCTION, PRINCIPALS_CERTIFIED, REFORM_STATUS_FIGURE, TEACHERS_COMMENDED } from './figure-definitions';
import { SchoolReportRef } from './report-types';

/** Governance's figures of a school's report, by the school recorded on each record. */
@Resolver(() => SchoolReportRef)
export class SchoolReportResolver {
  @FieldResolver(() => Int, { description: 'Principal rank certifications of the year at the school' })
  @Figure(PRINCIPALS_CERTIFIED)
  async principalsCertified(@Root() r: SchoolReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await ctx.reports.school.load(r)).principalsCertified;
  }

  @FieldResolver(() => Int, { description: 'Distinct teachers with an award dated in the year, recorded at the school' })
  @Figure(TEACHERS_COMMENDED)
  async teachersCommended(@Root() r: SchoolReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await ctx.reports.school.load(r)).teachersCommended;
  }

  @FieldResolver(() => Int, { description: 'Inspections held at the school in the year' })
  @Figure(INSPECTIONS)
  async inspections(@Root() r: SchoolReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await ctx.reports.school.load(r)).inspections;
  }

  @FieldResolver(() => Int, { description: 'Inspections held at the school the year before' })
  @Figure(INSPECTIONS_PREVIOUS_YEAR)
  async inspectionsPreviousYear(@Root() r: SchoolReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await ctx.reports.school.load(r)).inspectionsPreviousYear;
  }

  @FieldResolver(() => Float, { nullable: true, description: '1 − inspections ÷ inspectionsPreviousYear; null when the year before had none' })
  @Figure(INSPECTION_REDUCTION)
  async inspectionReduction(@Root() r: SchoolReportRef, @Ctx() ctx: GovernanceContext): Promise<number | null> {
    const f = await ctx.reports.school.load(r);
    return reduction(f.inspections, f.inspectionsPreviousYear);
  }

  @FieldResolver(() => graphqlEnum(REFORM_STATUS), { description: 'Where the school stood in 党组织领导的校长负责制 at the end of the year' })
  @Figure(REFORM_STATUS_FIGURE)
  async reformStatus(@Root() r: SchoolReportRef, @Ctx() ctx: GovernanceContext): Promise<ReformStatus> {
    return (await ctx.reports.school.load(r)).reformStatus;
  }

  @FieldResolver(() => Int, { description: 'Teachers vetoed in the year by records written for the school' })
  @Figure(ETHICS_VETOED_TEACHERS)
  async ethicsVetoedTeachers(@Root() r: SchoolReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await ctx.reports.school.load(r)).vetoedTeachers;
  }
}
