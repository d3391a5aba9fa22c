import { Figure } from '@tw/kernel';
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { PayParity } from '../figures/pay-parity.type';
import { TalentTotals } from '../figures/talent-totals.type';
import { CompensationContext } from '../context';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';
import { figuresFor } from '../resolvers/figures';
import { AVERAGE_TEACHER_PAY, CIVIL_SERVANT_AVERAGE_PAY, PAY_PARITY_RATIO, PAY_TEACHERS, TALENT_PASSED, TALENT_PASSED_BY_CATEGORY, TALENT_SUBSIDY_TOTAL } from './figure-definitions';
import { DistrictReportRef, TalentCategoryPassed } from './report-types';

const parity = (r: DistrictReportRef, ctx: CompensationContext): Promise<PayParity> => figuresFor(ctx.loaders.payTables, r.year).then((t) => t.parity);
const talent = (r: DistrictReportRef, ctx: CompensationContext): Promise<TalentTotals> => figuresFor(ctx.loaders.talentTotals, r.year);

/**
 * Compensation's figures of the district report: pay parity and talent totals as payParity and
 * talentTotals compute them (the same per-year tables, the same small-group rule for this reader).
 */
@Resolver(() => DistrictReportRef)
export class DistrictReportResolver {
  @FieldResolver(() => Yuan, {
    nullable: true,
    description: "Serving teachers' (as recorded) average annual income in public schools, from the year's pay records; null when withheld (fewer than 5 teachers) or none",
  })
  @Figure(AVERAGE_TEACHER_PAY)
  async averageTeacherPay(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<Fen | null> {
    return (await parity(r, ctx)).averageAnnualIncome;
  }

  @FieldResolver(() => Yuan, { nullable: true, description: "The local civil servants' average annual pay of the year (null when none is entered)" })
  @Figure(CIVIL_SERVANT_AVERAGE_PAY)
  async civilServantAveragePay(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<Fen | null> {
    return (await parity(r, ctx)).benchmark;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'averageTeacherPay ÷ civilServantAveragePay, 4 places (policy: at least 1)' })
  @Figure(PAY_PARITY_RATIO)
  async payParityRatio(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<number | null> {
    return (await parity(r, ctx)).ratio;
  }

  @FieldResolver(() => Int, { description: 'The teachers averageTeacherPay is over (shown even when the average is withheld)' })
  @Figure(PAY_TEACHERS)
  async payTeachers(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<number> {
    return (await parity(r, ctx)).teachers;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the pay figures are withheld from this reader by the small-group rule' })
  async payWithheld(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<boolean> {
    return (await parity(r, ctx)).withheld;
  }

  @FieldResolver(() => [TalentCategoryPassed], { description: '优秀教育人才 who passed the year’s assessment, by category A/B/C' })
  @Figure(TALENT_PASSED_BY_CATEGORY)
  async talentPassedByCategory(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<TalentCategoryPassed[]> {
    return (await talent(r, ctx)).categories.map((c) => Object.assign(new TalentCategoryPassed(), { category: c.category, passed: c.passed, withheld: c.withheld }));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'All categories: teachers who passed (null when withheld)' })
  @Figure(TALENT_PASSED)
  async talentPassed(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<number | null> {
    return (await talent(r, ctx)).passed;
  }

  @FieldResolver(() => Yuan, { nullable: true, description: 'Subsidies paid to those who passed (null when withheld)' })
  @Figure(TALENT_SUBSIDY_TOTAL)
  async talentSubsidyTotal(@Root() r: DistrictReportRef, @Ctx() ctx: CompensationContext): Promise<Fen | null> {
    return (await talent(r, ctx)).subsidyTotal;
  }
}
