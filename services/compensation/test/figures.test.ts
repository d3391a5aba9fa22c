import { testDatabaseKinds } from '@tw/kernel/testing';
import { avg, BIG, fen, MID, PRIVATE, SMALL, smallDistrict, yuan } from './district';
import { CompensationTestServer, LAST_YEAR, startCompensationForTest, THIS_YEAR, UPSERT_ALLOCATIONS, UPSERT_PAY } from './harness';

const d = smallDistrict();
const PARITY = `query($y: Int!) { payParity(year: $y) {
  year benchmark teachers averageAnnualIncome ratio meetsPolicy gap withheld withheldReason
  schools { school { id } public teachers averageAnnualIncome ratio meetsPolicy gap withheld withheldReason } } }`;
const PERFORMANCE = `query($y: Int!) { performancePay(year: $y) {
  approvedTotal paidTotal difference payRecords withheld
  schools { school { id } approvedTotal paidTotal difference payRecords withheld withheldReason } } }`;

/** What the figures must be, computed here from the rows, apart from the service. */
function expected(school?: string) {
  const rows = d.pay.filter((p) => p.serving && p.public && (!school || p.school === school));
  const total = rows.reduce((s, p) => s + fen(p.annualIncome), 0n);
  return { n: rows.length, total, average: avg(total, rows.length) };
}

describe.each(testDatabaseKinds())('pay parity and performance pay on %s', (kind) => {
  let s: CompensationTestServer;
  const benchmark = fen(yuan(expected().average)) + 1234_56n; // the district is a little below

  beforeAll(async () => {
    s = await startCompensationForTest(kind, d.teachers, d.schools);
    const rows = d.pay.map((p) => ({ teacherId: p.teacherId, year: LAST_YEAR, annualIncome: p.annualIncome, performanceMonthly: p.performanceMonthly }));
    const r = await s.admin(UPSERT_PAY, { rows });
    expect(r.data.r).toMatchObject({ created: rows.length, rejected: 0 });
    const b = await s.admin('mutation($y: Int!, $v: Yuan!) { setCivilServantBenchmark(year: $y, averageAnnualPay: $v) { year averageAnnualPay updatedBy } }', {
      y: LAST_YEAR,
      v: yuan(benchmark),
    });
    expect(b.data.setCivilServantBenchmark).toEqual({ year: LAST_YEAR, averageAnnualPay: yuan(benchmark), updatedBy: 'district-admin' });
  });
  afterAll(() => s.stop());

  it('gives the district parity and every public school to DISTRICT_ADMIN, lowest averages first', async () => {
    const r = await s.admin(PARITY, { y: LAST_YEAR });
    expect(r.errors).toBeUndefined();
    const p = r.data.payParity;
    const all = expected();
    expect(p).toMatchObject({
      year: LAST_YEAR,
      benchmark: yuan(benchmark),
      teachers: 31,
      averageAnnualIncome: yuan(all.average),
      gap: yuan(all.average - benchmark),
      meetsPolicy: false,
      withheld: false,
      withheldReason: null,
    });
    expect(p.ratio).toBeCloseTo(Number(all.average) / Number(benchmark), 4);
    expect(p.schools.map((x: { school: { id: string } }) => x.school.id)).toEqual([SMALL, MID, BIG]);
    for (const school of p.schools) {
      const e = expected(school.school.id);
      expect(school).toMatchObject({ public: true, teachers: e.n, averageAnnualIncome: yuan(e.average), gap: yuan(e.average - benchmark), withheld: false });
      expect(school.meetsPolicy).toBe(e.average >= benchmark);
    }
  });

  it('withholds from an ANALYST a school of fewer than 5 teachers, and the next smallest so it cannot be worked out from the total', async () => {
    const r = await s.analyst(PARITY, { y: LAST_YEAR });
    expect(r.errors).toBeUndefined();
    const p = r.data.payParity;
    expect(p).toMatchObject({ teachers: 31, averageAnnualIncome: yuan(expected().average), withheld: false });
    // the shown schools first, then the withheld ones by id, so the order says nothing of their averages
    expect(p.schools.map((x: { school: { id: string }; withheld: boolean }) => [x.school.id, x.withheld])).toEqual([
      [BIG, false],
      [MID, true],
      [SMALL, true],
    ]);
    const [, mid, small] = p.schools;
    expect(small).toMatchObject({ teachers: 3, averageAnnualIncome: null, ratio: null, meetsPolicy: null, gap: null });
    expect(small.withheldReason).toMatch(/3 teachers, fewer than 5/);
    expect(mid).toMatchObject({ teachers: 8, averageAnnualIncome: null });
    expect(mid.withheldReason).toMatch(/worked out from the total/);
    expect(JSON.stringify(r.data)).not.toContain(yuan(expected(SMALL).average));
  });

  it('withholds the same schools from every reader but the district, so no two readers together recover a small school (issue 16, finding 4)', async () => {
    const answers = await Promise.all([s.schoolAdmin(SMALL), s.schoolAdmin(BIG), s.schoolAdmin(MID), s.analyst].map(async (as) => (await as(PARITY, { y: LAST_YEAR })).data.payParity));
    for (const a of answers) {
      expect(a.schools.filter((x: { withheld: boolean }) => x.withheld).map((x: { school: { id: string } }) => x.school.id)).toEqual([MID, SMALL]);
      // every figure shown is the same for every reader, so combining answers adds nothing
      expect(a).toEqual(answers[0]);
    }
  });

  it('answers School.pay for any number of schools with the same figures and rule, private schools without parity', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on School { id pay(year: ${LAST_YEAR}) { public teachers averageAnnualIncome meetsPolicy benchmark withheld } } } }`;
    const reps = [BIG, MID, SMALL, PRIVATE, 'school-without-records'].map((id) => ({ __typename: 'School', id }));
    const admin = (await s.admin(q, { r: reps })).data._entities;
    expect(admin.map((x: { pay: { withheld: boolean } }) => x.pay.withheld)).toEqual([false, false, false, false, false]);
    expect(admin[0].pay).toMatchObject({ public: true, teachers: 20, averageAnnualIncome: yuan(expected(BIG).average), benchmark: yuan(benchmark) });
    const privRows = d.pay.filter((p) => p.school === PRIVATE);
    expect(admin[3].pay).toMatchObject({ public: false, teachers: 6, averageAnnualIncome: yuan(avg(privRows.reduce((t, p) => t + fen(p.annualIncome), 0n), 6)), meetsPolicy: null });
    expect(admin[4].pay).toMatchObject({ public: null, teachers: 0, averageAnnualIncome: null, withheld: false });
    const analyst = await s.analyst(q, { r: reps });
    expect(analyst.data._entities.map((x: { pay: { withheld: boolean } }) => x.pay.withheld)).toEqual([false, true, true, false, false]);
    expect(analyst.extensions?.sqlStatements).toBe(2);
  });

  it('withholds the district figure too when the whole group is small', async () => {
    const y = LAST_YEAR - 1;
    await s.admin(UPSERT_PAY, { rows: d.pay.filter((p) => p.school === SMALL).map((p) => ({ teacherId: p.teacherId, year: y, annualIncome: p.annualIncome })) });
    const r = (await s.analyst(PARITY, { y })).data.payParity;
    expect(r).toMatchObject({ teachers: 3, averageAnnualIncome: null, withheld: true, benchmark: null });
    expect(r.schools).toEqual([expect.objectContaining({ withheld: true, teachers: 3 })]);
    expect((await s.admin(PARITY, { y })).data.payParity).toMatchObject({ withheld: false, averageAnnualIncome: yuan(expected(SMALL).average) });
  });

  it('compares approved performance pay with SUM(monthly performance pay) × 12 per public school', async () => {
    const approved: Record<string, string> = { [BIG]: '600000.00', [MID]: '200000.00', [SMALL]: '80000.00' };
    const set = await s.admin(UPSERT_ALLOCATIONS, {
      rows: [
        ...Object.entries(approved).map(([schoolId, approvedTotal]) => ({ schoolId, year: LAST_YEAR, approvedTotal })),
        { schoolId: PRIVATE, year: LAST_YEAR, approvedTotal: '1000' },
        { schoolId: 'school-unknown', year: LAST_YEAR, approvedTotal: '1000' },
        { schoolId: BIG, year: THIS_YEAR + 2, approvedTotal: '1000' },
      ],
      options: { partial: true },
    });
    expect(set.data.r.rows.map((x: { code: string | null; status: string }) => x.code ?? x.status)).toEqual([
      'CREATED', 'CREATED', 'CREATED', 'SCHOOL_NOT_PUBLIC', 'SCHOOL_NOT_FOUND', 'YEAR_IN_FUTURE',
    ]);
    const paid = (school: string) => d.pay.filter((p) => p.school === school).reduce((t, p) => t + fen(p.performanceMonthly), 0n) * 12n;
    const r = (await s.admin(PERFORMANCE, { y: LAST_YEAR })).data.performancePay;
    const approvedTotal = Object.values(approved).reduce((t, a) => t + fen(a), 0n);
    const paidTotal = paid(BIG) + paid(MID) + paid(SMALL);
    expect(r).toMatchObject({ approvedTotal: yuan(approvedTotal), paidTotal: yuan(paidTotal), difference: yuan(approvedTotal - paidTotal), payRecords: 32, withheld: false });
    const bySchool = Object.fromEntries(r.schools.map((x: { school: { id: string } }) => [x.school.id, x]));
    for (const id of [BIG, MID, SMALL]) {
      expect(bySchool[id]).toMatchObject({ approvedTotal: approved[id], paidTotal: yuan(paid(id)), difference: yuan(fen(approved[id]) - paid(id)) });
    }
    // the most overspent first
    const differences = r.schools.map((x: { difference: string }) => fen(x.difference));
    expect([...differences].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(differences);

    const a = (await s.analyst(PERFORMANCE, { y: LAST_YEAR })).data.performancePay;
    expect(a.paidTotal).toBe(yuan(paidTotal));
    const hidden = a.schools.filter((x: { withheld: boolean }) => x.withheld);
    expect(hidden.map((x: { school: { id: string } }) => x.school.id)).toEqual([MID, SMALL]);
    expect(hidden.every((x: { paidTotal: string | null; approvedTotal: string }) => x.paidTotal === null && x.approvedTotal !== null)).toBe(true);
  });

  it('refuses a benchmark for a year that has not finished, and lists the benchmarks to everyone', async () => {
    const r = await s.admin('mutation { setCivilServantBenchmark(year: ' + THIS_YEAR + ', averageAnnualPay: "100000") { year } }');
    expect(r.errors?.[0]).toMatchObject({ message: `${THIS_YEAR} 年度未满一年请下年度填报`, extensions: { code: 'BAD_USER_INPUT', reason: 'YEAR_NOT_FINISHED' } });
    const list = await s.teacher(`${BIG}-t01`)('{ civilServantBenchmarks { year averageAnnualPay } }');
    expect(list.data.civilServantBenchmarks).toEqual([{ year: LAST_YEAR, averageAnnualPay: yuan(benchmark) }]);
    const refused = await s.analyst('mutation { setCivilServantBenchmark(year: 2020, averageAnnualPay: 1) { year } }');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
