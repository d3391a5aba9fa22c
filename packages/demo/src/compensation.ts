import type { DemoContext, DemoTeacherRecord, ServiceDemo } from './context';

const SERVING = new Set(['IN_SERVICE', 'NOT_AT_POST']);

/** Annual income in yuan by 专业技术职务, before seniority: what a district's pay scale roughly gives. */
const BASE_BY_TITLE: Readonly<Record<string, number>> = {
  UNRANKED: 72_000,
  THIRD_GRADE: 76_000,
  SECOND_GRADE: 84_000,
  FIRST_GRADE: 98_000,
  SENIOR: 118_000,
  SENIOR_FULL: 138_000,
};
const MIN_ANNUAL = 70_000_00;
const MAX_ANNUAL = 160_000_00;

/** Subsidy in yuan a year paid to a talent of each category who passes the assessment. */
const TALENT_SUBSIDY: Readonly<Record<string, number>> = { A: 30_000, B: 15_000, C: 6_000 };

/** Fen as the decimal yuan text the `Yuan` scalar takes. */
const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

interface PayRow {
  teacherId: string;
  year: number;
  annualIncome: string;
  basicMonthly: string;
  performanceMonthly: string;
  ruralSubsidyMonthly: string | null;
  otherAllowanceMonthly: string;
  otherMonthly: string;
}

/**
 * A teacher's pay for a year, in fen: the title's base, 600 yuan a year of service, a private-school
 * discount and ±5%, kept within 70,000–160,000 yuan; then the monthly components as shares of a
 * twelfth of it, leaving 5–12% for the year-end and one-off payments the template has no column for.
 */
function payFor(ctx: DemoContext, t: DemoTeacherRecord, year: number, isPublic: boolean, rural: boolean) {
  const r = ctx.random;
  const served = Math.max(0, year - Number(t.workStartMonth.slice(0, 4)));
  // pay grew about 4% a year in the district
  const yearFactor = 1 - 0.04 * (ctx.year - 1 - year);
  let annual = ((BASE_BY_TITLE[t.professionalTitle ?? 'UNRANKED'] ?? 80_000) + 600 * served) * (isPublic ? 1 : 0.85) * yearFactor * (0.95 + 0.1 * r.next());
  annual = Math.min(MAX_ANNUAL, Math.max(MIN_ANNUAL, Math.round(annual * 100)));
  const month = annual / 12;
  const share = (p: number) => Math.floor(month * p);
  const basic = share(0.34 + 0.04 * r.next());
  const performance = share(0.36 + 0.04 * r.next());
  const ruralSubsidy = rural ? r.int(300, 500) * 100 : null;
  const allowance = share(0.06 + 0.03 * r.next());
  const other = share(0.01 * r.next());
  return { annual, basic, performance, ruralSubsidy, allowance, other };
}

/**
 * Compensation demo data: pay records for every serving teacher who worked the whole of each of the
 * last two finished years, the civil servants' average pay near the teachers' (one year a little
 * above, one a little below), approved performance pay for the public schools, and talent
 * categories for about 5% of the teachers with a few failed assessments.
 */
export const compensationDemo: ServiceDemo = async (ctx) => {
  const r = ctx.random;
  const years = [ctx.year - 2, ctx.year - 1];
  const schoolById = new Map(ctx.schools.map((s) => [s.id, s]));
  // a few public schools pay the rural-teacher subsidy (乡村教师生活补助)
  const rural = new Set(ctx.schools.filter((s) => s.sponsor === 'PUBLIC' && r.chance(0.15)).map((s) => s.id));
  const serving = ctx.teachers.filter((t) => SERVING.has(t.status));

  const pay: PayRow[] = [];
  const publicIncome = new Map<number, { total: number; count: number }>(years.map((y) => [y, { total: 0, count: 0 }]));
  const performanceBySchool = new Map<string, number>();
  for (const year of years) {
    for (const t of serving) {
      // a teacher who started during the year has no full year's pay to report
      if (t.workStartMonth > `${year}-01`) continue;
      const isPublic = schoolById.get(t.schoolId)?.sponsor === 'PUBLIC';
      const p = payFor(ctx, t, year, isPublic, rural.has(t.schoolId));
      pay.push({
        teacherId: t.id,
        year,
        annualIncome: yuan(p.annual),
        basicMonthly: yuan(p.basic),
        performanceMonthly: yuan(p.performance),
        ruralSubsidyMonthly: p.ruralSubsidy === null ? null : yuan(p.ruralSubsidy),
        otherAllowanceMonthly: yuan(p.allowance),
        otherMonthly: yuan(p.other),
      });
      if (isPublic) {
        const sum = publicIncome.get(year)!;
        sum.total += p.annual;
        sum.count += 1;
        const key = `${t.schoolId}:${year}`;
        performanceBySchool.set(key, (performanceBySchool.get(key) ?? 0) + p.performance * 12);
      }
    }
  }
  await ctx.bulk('upsertPayRecords', 'PayRecordInput', pay, 'pay records');

  // the earlier year a little above the teachers' average (the policy not met), the later a little below
  const benchmarks = years.map((year, i) => {
    const { total, count } = publicIncome.get(year)!;
    const average = count ? total / count : 100_000_00;
    return { year, averageAnnualPay: yuan(Math.round((average * (i === 0 ? 1.02 : 0.985)) / 100) * 100) };
  });
  await ctx.bulk('upsertCivilServantBenchmarks', 'CivilServantBenchmarkInput', benchmarks, 'civil-servant benchmarks');

  // each public school's approved total near what it paid: some a little over, some under, to the hundred yuan
  const allocations = ctx.schools
    .filter((s) => s.sponsor === 'PUBLIC')
    .flatMap((s) =>
      years.map((year) => {
        const paid = performanceBySchool.get(`${s.id}:${year}`) ?? 0;
        return { schoolId: s.id, year, approvedTotal: yuan(Math.round((paid * (0.97 + 0.08 * r.next())) / 10_000) * 10_000) };
      }),
    );
  await ctx.bulk('upsertPerformancePayAllocations', 'PerformancePayAllocationInput', allocations, 'performance-pay allocations');

  // about 5% of the serving teachers, the senior ones more often, keep their category both years
  const talents = serving.filter((t) => r.chance(t.professionalTitle === 'SENIOR' || t.professionalTitle === 'SENIOR_FULL' ? 0.1 : 0.035));
  const talentRows = talents.flatMap((t) => {
    const category = r.weighted([['A', 1], ['B', 3], ['C', 6]] as const);
    return years.map((year) => {
      const passed = r.chance(0.93);
      return { teacherId: t.id, year, category, result: passed ? 'PASSED' : 'FAILED', subsidy: passed ? yuan(TALENT_SUBSIDY[category] * 100) : null };
    });
  });
  await ctx.bulk('upsertTalentRecords', 'TalentRecordInput', talentRows, 'talent records');
};
