import type { Random } from '@tw/kernel';
import type { DemoContext, DemoSchoolRecord, DemoTeacherRecord, ServiceDemo } from './context';

const pad = (n: number) => String(n).padStart(2, '0');
const serving = (t: DemoTeacherRecord) => t.status === 'IN_SERVICE' || t.status === 'NOT_AT_POST';
const workYear = (t: DemoTeacherRecord) => Number(t.workStartMonth.slice(0, 4));

/** A random day of `year` not after `latest` (YYYY-MM-DD); null when the year has none before it. */
function dayIn(r: Random, year: number, latest: string): string | null {
  const start = Date.UTC(year, 0, 1);
  const end = Math.min(Date.UTC(year, 11, 31), Date.parse(`${latest}T00:00:00Z`));
  if (end < start) return null;
  return new Date(start + r.int(0, Math.floor((end - start) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

/** Distinct picks from `items`, as many as asked (or all there are). */
function sample<T>(r: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(r.int(0, pool.length - 1), 1)[0]);
  return out;
}

// what the violations are about: mostly the items a district actually sanctions
const VIOLATIONS: ReadonlyArray<readonly [string, string]> = [
  ['5', '课堂上体罚学生'],
  ['9', '收受学生家长礼品礼金'],
  ['10', '组织本校学生有偿补课'],
  ['10', '为校外培训机构介绍生源'],
  ['4', '无故缺课，敷衍教学'],
  ['8', '绩效考核材料弄虚作假'],
  ['5', '言语侮辱学生'],
  ['7', '在社交平台发布不当言论'],
  ['9', '向学生推销教辅材料'],
  ['6', '活动中擅离职守致学生受伤'],
];
// ~10 violations: two without a sanction, one sanction revoked early, one expulsion
const SANCTIONS: ReadonlyArray<string | null> = [null, null, 'WARNING', 'WARNING', 'WARNING', 'DEMERIT', 'DEMERIT', 'DEMOTION', 'REMOVAL', 'EXPULSION'];

const AWARDS: ReadonlyArray<{ title: string; level: string; issuer: (s: DemoSchoolRecord) => string; weight: number }> = [
  { title: '全国优秀教师', level: 'NATIONAL', issuer: () => '教育部', weight: 0.3 },
  { title: '河南省优秀教师', level: 'PROVINCIAL', issuer: () => '河南省教育厅', weight: 1 },
  { title: '郑州市优秀教师', level: 'MUNICIPAL', issuer: () => '郑州市教育局', weight: 3 },
  { title: '郑州市师德标兵', level: 'MUNICIPAL', issuer: () => '郑州市教育局', weight: 1.5 },
  { title: '中原区优秀教师', level: 'COUNTY', issuer: () => '中原区教育局', weight: 6 },
  { title: '中原区优秀班主任', level: 'COUNTY', issuer: () => '中原区教育局', weight: 4 },
  { title: '中原区师德先进个人', level: 'COUNTY', issuer: () => '中原区教育局', weight: 2 },
  { title: '校级优秀教师', level: 'GRASSROOTS', issuer: (s) => s.name, weight: 5 },
];

// the bureau's inspections and evaluations of schools, with the office that runs each
const INSPECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['义务教育质量监测', '基础教育科'],
  ['校园安全专项检查', '安全稳定科'],
  ['食堂食品安全检查', '安全稳定科'],
  ['消防安全检查', '安全稳定科'],
  ['校车安全检查', '安全稳定科'],
  ['文明校园评比', '办公室'],
  ['平安校园创建验收', '安全稳定科'],
  ['师德师风专项检查', '教师工作科'],
  ['教师继续教育学分审核', '教师工作科'],
  ['学校财务专项审计', '计划财务科'],
  ['教育收费专项检查', '计划财务科'],
  ['学生体质健康测试抽查', '体卫艺科'],
  ['近视防控工作检查', '体卫艺科'],
  ['校园艺术节评比', '体卫艺科'],
  ['课后服务工作检查', '基础教育科'],
  ['作业管理专项督导', '督导室'],
  ['办学行为规范督导', '督导室'],
  ['学校年度综合督导评估', '督导室'],
  ['控辍保学工作检查', '基础教育科'],
  ['语言文字规范化示范校评估', '基础教育科'],
  ['智慧校园建设评估', '电教中心'],
  ['图书馆（室）建设检查', '装备中心'],
  ['实验室建设与管理检查', '装备中心'],
  ['劳动教育开展情况检查', '基础教育科'],
  ['心理健康教育特色校评估', '体卫艺科'],
  ['法治教育示范校评估', '政策法规科'],
  ['档案管理达标检查', '办公室'],
  ['节能减排工作检查', '后勤管理科'],
  ['少先队工作评比', '团工委'],
  ['家长学校工作评估', '基础教育科'],
];

/**
 * Governance records of the demo district: ethics assessments and appraisals of the last two years,
 * about ten violations, ~150 awards (two at least in every public school), a principal's rank per school, every school's reform state,
 * and an inspection catalogue for the last three years (30, 26 and 22 items: the bureau cuts them
 * back year after year) with the inspections held, so the reports of last year and this year both
 * show the year-over-year reduction.
 * No teacher under a veto gets an award or an 优秀 appraisal: governance would refuse them.
 */
export const governanceDemo: ServiceDemo = async (ctx: DemoContext) => {
  const r = ctx.random;
  const today = ctx.today;
  const years = [ctx.year - 2, ctx.year - 1];
  const working = ctx.teachers.filter(serving);
  const schoolOf = new Map(ctx.schools.map((s) => [s.id, s]));

  // one principal per school: a manager if the school has one, else its most senior teacher
  const principals = ctx.schools.flatMap((s) => {
    const staff = working.filter((t) => t.schoolId === s.id).sort((a, b) => a.birthDate.localeCompare(b.birthDate));
    const p = staff.find((t) => t.postCategory === 'MANAGEMENT') ?? staff[0];
    return p ? [p] : [];
  });
  const principalIds = new Set(principals.map((p) => p.id));

  const candidates = working.filter((t) => !principalIds.has(t.id) && workYear(t) <= years[0]);
  const offenders = sample(r, candidates, SANCTIONS.length);
  const failed = sample(r, candidates.filter((t) => !offenders.includes(t)), 6);
  const failedYear = new Map(failed.map((t, i) => [t.id, years[i % 2]]));
  const vetoed = new Set([...offenders, ...failed].map((t) => t.id));

  const violations = offenders.map((t, i) => {
    const [item, description] = VIOLATIONS[i % VIOLATIONS.length];
    const sanction = SANCTIONS[i];
    const occurredOn = dayIn(r, r.pick([years[0], years[1], years[1], ctx.year]), today) ?? dayIn(r, years[1], today)!;
    const revoked = sanction === 'DEMERIT' && i % 2 === 0 ? dayIn(r, Number(occurredOn.slice(0, 4)) + 1, today) : null;
    return { teacherId: t.id, occurredOn, negativeListItem: item, sanction, revokedOn: revoked && revoked > occurredOn ? revoked : null, description };
  });
  await ctx.bulk('upsertViolations', 'ViolationInput', violations, 'violations');

  const ethics = years.flatMap((year) =>
    working
      .filter((t) => workYear(t) <= year)
      .map((t) => ({
        teacherId: t.id,
        year,
        result: failedYear.get(t.id) === year ? 'INCOMPETENT' : r.weighted([['EXCELLENT', 15], ['COMPETENT', 83], ['BASICALLY_COMPETENT', 2]] as const),
      })),
  );
  await ctx.bulk('upsertEthicsAssessments', 'EthicsAssessmentInput', ethics, 'ethics assessments');

  const appraisals = years.flatMap((year) =>
    working
      .filter((t) => workYear(t) <= year)
      .map((t) => {
        const school = schoolOf.get(t.schoolId);
        const result =
          failedYear.get(t.id) === year ? 'INCOMPETENT'
          : workYear(t) === year ? 'UNGRADED'
          : r.weighted([['EXCELLENT', vetoed.has(t.id) ? 0 : 18], ['COMPETENT', 79], ['BASICALLY_COMPETENT', 2], ['INCOMPETENT', 0.3]] as const);
        return { teacherId: t.id, year, result, appraiser: school?.name ?? null };
      }),
  );
  await ctx.bulk('upsertAppraisals', 'AppraisalInput', appraisals, 'appraisals');

  const teachersDay = [...years, ctx.year].map((y) => `${y}-09-10`).filter((d) => d <= today);
  const awarded = new Set<string>();
  const awards: Array<{ teacherId: string; title: string; level: string; awardedOn: string; issuer: string }> = [];
  const eligible = working.filter((t) => !vetoed.has(t.id));
  // every public school honours two of its teachers on the last Teachers' Day (there is one up to any
  // day: two years ago's), so each school's awards exist whatever the day the district is as of
  const lastTeachersDay = teachersDay[teachersDay.length - 1];
  const grassroots = AWARDS.find((a) => a.level === 'GRASSROOTS')!;
  for (const s of ctx.schools.filter((x) => x.sponsor === 'PUBLIC')) {
    const staff = eligible.filter((t) => t.schoolId === s.id && workYear(t) <= Number(lastTeachersDay.slice(0, 4)));
    for (const t of sample(r, staff, 2)) {
      awarded.add(`${t.id}|${grassroots.title}|${lastTeachersDay}`);
      awards.push({ teacherId: t.id, title: grassroots.title, level: grassroots.level, awardedOn: lastTeachersDay, issuer: grassroots.issuer(s) });
    }
  }
  for (let tries = 0; awards.length < 150 && tries < 1000 && teachersDay.length; tries++) {
    const t = r.pick(eligible);
    const award = r.weighted(AWARDS.map((a) => [a, a.weight] as const));
    // most honours are given on Teachers' Day; school ones whenever
    const awardedOn = award.level === 'GRASSROOTS' ? (dayIn(r, r.pick([...years, ctx.year]), today) ?? teachersDay[0]) : r.pick(teachersDay);
    const key = `${t.id}|${award.title}|${awardedOn}`;
    if (awarded.has(key) || workYear(t) > Number(awardedOn.slice(0, 4))) continue;
    awarded.add(key);
    awards.push({ teacherId: t.id, title: award.title, level: award.level, awardedOn, issuer: award.issuer(schoolOf.get(t.schoolId)!) });
  }
  await ctx.bulk('upsertAwards', 'AwardInput', awards, 'awards');

  const ranks = principals.map((p) => ({
    teacherId: p.id,
    rank: r.weighted([['SPECIAL', 0.5], ['SENIOR', 3], ['INTERMEDIATE', 4], ['JUNIOR', 2]] as const),
    year: r.int(ctx.year - 2, ctx.year),
  }));
  await ctx.bulk('upsertPrincipalRanks', 'PrincipalRankInput', ranks, 'principal ranks');

  const reforms = ctx.schools.map((s) => {
    // private schools are governed by their boards: the reform is for public schools
    const status = s.sponsor === 'PRIVATE' ? 'NOT_STARTED' : r.weighted([['NOT_STARTED', 2], ['PILOT', 4], ['COMPLETED', 4]] as const);
    if (status === 'NOT_STARTED') return { schoolId: s.id, status };
    const pilotStartedOn = `${years[0]}-${pad(r.pick([3, 9]))}-01`;
    if (status === 'PILOT') return { schoolId: s.id, status, pilotStartedOn };
    return { schoolId: s.id, status, pilotStartedOn, completedOn: dayIn(r, years[1], today)! };
  });
  await ctx.bulk('upsertSchoolReforms', 'SchoolReformInput', reforms, 'school reform states');

  // the catalogue of two years ago has 30 items; last year's keeps 26 of them, this year's 22 of those
  const lastYears = sample(r, INSPECTIONS, 26);
  const items = (year: number, list: typeof INSPECTIONS) => list.map(([name, department], i) => ({ year, name, department, approvalNo: `中教〔${year}〕${i + 1}号` }));
  const catalogue = [...items(ctx.year - 2, INSPECTIONS), ...items(ctx.year - 1, lastYears), ...items(ctx.year, sample(r, lastYears, 22))];
  await ctx.bulk('upsertInspectionItems', 'InspectionItemInput', catalogue, 'inspection catalogue items');

  const held = new Set<string>();
  const events: Array<{ year: number; name: string; department: string; schoolId: string; heldOn: string }> = [];
  for (const item of catalogue) {
    const perItem = item.year === ctx.year ? r.int(1, 5) : r.int(2, 7);
    for (const s of sample(r, ctx.schools, perItem)) {
      const heldOn = dayIn(r, item.year, today);
      if (!heldOn || held.has(`${item.year}|${item.name}|${s.id}|${heldOn}`)) continue;
      held.add(`${item.year}|${item.name}|${s.id}|${heldOn}`);
      events.push({ year: item.year, name: item.name, department: item.department, schoolId: s.id, heldOn });
    }
  }
  await ctx.bulk('upsertInspectionEvents', 'InspectionEventInput', events, 'inspections held');
};
