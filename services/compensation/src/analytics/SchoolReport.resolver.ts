import { Figure } from '@tw/kernel';
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { emptySchoolPay } from '../figures/pay-parity';
import { SchoolPay } from '../figures/pay-parity.type';
import { CompensationContext } from '../context';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';
import { figuresFor } from '../resolvers/figures';
import { AVERAGE_TEACHER_PAY, PAY_PARITY_RATIO, TALENT_PASSED, TALENT_SUBSIDY_TOTAL } from './figure-definitions';
import { SchoolReportRef } from './report-types';
import { NO_TALENT, SchoolTalent } from './school-talent';

/** A school's pay figures as School.pay answers them (as recorded, under the small-group rule). */
export async function schoolPayOf(r: SchoolReportRef, ctx: CompensationContext): Promise<SchoolPay> {
  const table = await figuresFor(ctx.loaders.payTables, r.year);
  return table.bySchool.get(r.schoolId) ?? emptySchoolPay(r.schoolId, r.year, table.parity.benchmark);
}

const talentOf = async (r: SchoolReportRef, ctx: CompensationContext): Promise<SchoolTalent> => (await ctx.reports.schoolTalent.load(r.year)).get(r.schoolId) ?? NO_TALENT;

/** Compensation's figures of a school's report, by the school recorded on the records. */
@Resolver(() => SchoolReportRef)
export class SchoolReportResolver {
  @FieldResolver(() => Yuan, { nullable: true, description: "Its serving teachers' average annual income of the year (null when withheld or none)" })
  @Figure(AVERAGE_TEACHER_PAY)
  async averageTeacherPay(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<Fen | null> {
    return (await schoolPayOf(r, ctx)).averageAnnualIncome;
  }

  @FieldResolver(() => Yuan, { nullable: true, description: "The local civil servants' average annual pay of the year" })
  async civilServantAveragePay(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<Fen | null> {
    return (await schoolPayOf(r, ctx)).benchmark;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'averageTeacherPay ÷ civilServantAveragePay, 4 places (public schools)' })
  @Figure(PAY_PARITY_RATIO)
  async payParityRatio(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<number | null> {
    return (await schoolPayOf(r, ctx)).ratio;
  }

  @FieldResolver(() => Int, { description: 'The teachers averageTeacherPay is over' })
  async payTeachers(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<number> {
    return (await schoolPayOf(r, ctx)).teachers;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the pay figures are withheld from this reader by the small-group rule' })
  async payWithheld(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<boolean> {
    return (await schoolPayOf(r, ctx)).withheld;
  }

  @FieldResolver(() => Int, { nullable: true, description: '优秀教育人才 recorded at the school who passed the year’s assessment (null when withheld)' })
  @Figure(TALENT_PASSED)
  async talentPassed(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<number | null> {
    return (await talentOf(r, ctx)).passed;
  }

  @FieldResolver(() => Yuan, { nullable: true, description: 'Their subsidies (null when withheld)' })
  @Figure(TALENT_SUBSIDY_TOTAL)
  async talentSubsidyTotal(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<Fen | null> {
    return (await talentOf(r, ctx)).subsidyTotal;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the talent figures are withheld from this reader by the small-group rule' })
  async talentWithheld(@Root() r: SchoolReportRef, @Ctx() ctx: CompensationContext): Promise<boolean> {
    return (await talentOf(r, ctx)).withheld;
  }
}
