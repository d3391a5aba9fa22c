import { Figure } from '@tw/kernel';
import { Ctx, Directive, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { GovernanceContext } from '../context';
import { reduction } from '../resolvers/Inspection.resolver';
import { CATALOGUE_ITEMS, CATALOGUE_ITEMS_PREVIOUS_YEAR, ETHICS_VETOED_TEACHERS, GOVERNANCE_REFORM, INSPECTIONS, INSPECTIONS_PREVIOUS_YEAR, INSPECTION_REDUCTION, PRINCIPALS_CERTIFIED, TEACHERS_COMMENDED } from './figure-definitions';
import { DistrictGovernance } from './governance-figures';
import { DistrictReportRef, GovernanceReformFigures } from './report-types';

async function figures(r: DistrictReportRef, ctx: GovernanceContext): Promise<DistrictGovernance> {
  const f = await ctx.reports.district.load(r.year);
  if (!f) throw new Error(`The governance figures of ${r.year} were not computed`);
  return f;
}

/** Governance's figures of the district report. */
@Resolver(() => DistrictReportRef)
export class DistrictReportResolver {
  @FieldResolver(() => Int, { description: 'Principal rank certifications (校长职级) of the year' })
  @Figure(PRINCIPALS_CERTIFIED)
  async principalsCertified(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await figures(r, ctx)).principalsCertified;
  }

  @FieldResolver(() => Int, { description: 'Teachers commended: distinct teachers with an award dated in the year' })
  @Figure(TEACHERS_COMMENDED)
  async teachersCommended(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await figures(r, ctx)).teachersCommended;
  }

  @FieldResolver(() => Int, { description: 'Inspections/evaluations of schools that took place in the year' })
  @Figure(INSPECTIONS)
  async inspections(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await figures(r, ctx)).inspections;
  }

  @FieldResolver(() => Int, { description: 'Inspections that took place the year before' })
  @Figure(INSPECTIONS_PREVIOUS_YEAR)
  async inspectionsPreviousYear(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await figures(r, ctx)).inspectionsPreviousYear;
  }

  @FieldResolver(() => Float, { nullable: true, description: '1 − inspections ÷ inspectionsPreviousYear (0.25: a quarter fewer; negative: more); null when the year before had none' })
  @Figure(INSPECTION_REDUCTION)
  async inspectionReduction(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number | null> {
    const f = await figures(r, ctx);
    return reduction(f.inspections, f.inspectionsPreviousYear);
  }

  @FieldResolver(() => Int, { description: 'Items of the year’s approved inspection catalogue (检查考核评比目录清单)' })
  @Figure(CATALOGUE_ITEMS)
  async catalogueItems(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await figures(r, ctx)).catalogueItems;
  }

  @FieldResolver(() => Int, { description: 'Items of the year before’s approved catalogue' })
  @Figure(CATALOGUE_ITEMS_PREVIOUS_YEAR)
  async catalogueItemsPreviousYear(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await figures(r, ctx)).catalogueItemsPreviousYear;
  }

  @FieldResolver(() => GovernanceReformFigures, { description: '党组织领导的校长负责制: schools not started, piloting and completed at the end of the year' })
  @Directive('@requires(fields: "schoolCount")')
  @Figure(GOVERNANCE_REFORM)
  async governanceReform(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<GovernanceReformFigures> {
    const { reform } = await figures(r, ctx);
    // as reformProgress: schools personnel knows with no record have not started
    const total = Math.max(r.schoolCount ?? 0, reform.records);
    return Object.assign(new GovernanceReformFigures(), {
      total,
      notStarted: total - reform.pilot - reform.completed,
      pilot: reform.pilot,
      completed: reform.completed,
      completedShare: total ? Math.round((reform.completed / total) * 10_000) / 10_000 : null,
    });
  }

  @FieldResolver(() => Int, { description: 'Teachers under the one-vote veto (一票否决) in the year: ethics 不合格 for the year, or a sanction whose period overlaps it' })
  @Figure(ETHICS_VETOED_TEACHERS)
  async ethicsVetoedTeachers(@Root() r: DistrictReportRef, @Ctx() ctx: GovernanceContext): Promise<number> {
    return (await figures(r, ctx)).vetoedTeachers;
  }
}
