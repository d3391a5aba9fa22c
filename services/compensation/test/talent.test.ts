import { testDatabaseKinds } from '@tw/kernel/testing';
import { CompensationTestServer, LAST_YEAR, startCompensationForTest, teacherEntry, TEACHER_ENTITIES, teacherRep, THIS_YEAR, UPSERT_TALENT } from './harness';

const SCHOOL = 'school-t';
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const A = ids('ta', 6);
const B = ids('tb', 3);
const C = ids('tc', 10);
const TOTALS = `query($y: Int!) { talentTotals(year: $y) { year assessed passed failed subsidyTotal withheld
  categories { category assessed passed failed subsidyTotal withheld withheldReason } } }`;

describe.each(testDatabaseKinds())('excellent-talent records on %s', (kind) => {
  let s: CompensationTestServer;
  beforeAll(async () => {
    s = await startCompensationForTest(kind, [...A, ...B, ...C].map((id) => teacherEntry(id, SCHOOL)), []);
    const rows = [
      ...A.map((teacherId, i) => (i < 5 ? { teacherId, year: LAST_YEAR, category: 'A', result: 'PASSED', subsidy: '20000.01' } : { teacherId, year: LAST_YEAR, category: 'A', result: 'FAILED' })),
      ...B.map((teacherId, i) => ({ teacherId, year: LAST_YEAR, category: 'B', result: i < 2 ? 'PASSED' : 'FAILED', subsidy: i < 2 ? '10000' : '0' })),
      ...C.map((teacherId) => ({ teacherId, year: LAST_YEAR, category: 'C', result: 'PASSED', subsidy: 5000.5 })),
    ];
    const r = await s.admin(UPSERT_TALENT, { rows });
    expect(r.data.r).toMatchObject({ created: 19, rejected: 0, written: true });
  });
  afterAll(() => s.stop());

  it('refuses a subsidy on a failed assessment, a future year and an unknown teacher', async () => {
    const r = await s.admin(UPSERT_TALENT, {
      rows: [
        { teacherId: 'ta1', year: LAST_YEAR - 1, category: 'A', result: 'FAILED', subsidy: '3000' },
        { teacherId: 'ta2', year: THIS_YEAR + 1, category: 'A', result: 'PASSED' },
        { teacherId: 'nobody', year: LAST_YEAR, category: 'B', result: 'PASSED' },
        { teacherId: 'ta3', year: THIS_YEAR, category: 'C', result: 'PASSED', subsidy: '100' },
      ],
    });
    expect(r.data.r.rows.map((x: { code: string | null; status: string }) => x.code ?? x.status)).toEqual(['SUBSIDY_ON_FAILED', 'YEAR_IN_FUTURE', 'TEACHER_NOT_FOUND', 'CREATED']);
    expect(r.data.r.rows[0]).toMatchObject({ field: 'subsidy', message: '考核结果为不合格，不能发放补贴（补贴金额 3000.00 元）：补贴只发给考核合格的人才' });
    expect(r.data.r.written).toBe(false);
    const clerk = await s.schoolAdmin(SCHOOL)(UPSERT_TALENT, { rows: [] });
    expect(clerk.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('totals a year by category, exactly to the fen, for DISTRICT_ADMIN', async () => {
    const r = await s.admin(TOTALS, { y: LAST_YEAR });
    expect(r.errors).toBeUndefined();
    expect(r.data.talentTotals).toEqual({
      year: LAST_YEAR,
      assessed: 19,
      passed: 17,
      failed: 2,
      subsidyTotal: '170005.05', // 5 × 20000.01 + 2 × 10000 + 10 × 5000.50
      withheld: false,
      categories: [
        { category: 'A', assessed: 6, passed: 5, failed: 1, subsidyTotal: '100000.05', withheld: false, withheldReason: null },
        { category: 'B', assessed: 3, passed: 2, failed: 1, subsidyTotal: '20000.00', withheld: false, withheldReason: null },
        { category: 'C', assessed: 10, passed: 10, failed: 0, subsidyTotal: '50005.00', withheld: false, withheldReason: null },
      ],
    });
  });

  it('withholds a small category from an ANALYST, and the next smallest so the totals do not give it away', async () => {
    const r = await s.analyst(TOTALS, { y: LAST_YEAR });
    const t = r.data.talentTotals;
    expect(t).toMatchObject({ assessed: 19, passed: 17, failed: 2, subsidyTotal: '170005.05', withheld: false });
    const [a, b, c] = t.categories;
    expect(b).toMatchObject({ assessed: 3, passed: null, failed: null, subsidyTotal: null, withheld: true });
    expect(b.withheldReason).toMatch(/3 teachers, fewer than 5/);
    expect(a).toMatchObject({ assessed: 6, passed: null, failed: null, subsidyTotal: null, withheld: true });
    expect(a.withheldReason).toMatch(/worked out from the total/);
    expect(c).toMatchObject({ passed: 10, subsidyTotal: '50005.00', withheld: false });
    // an empty year shows zeros, with nothing to withhold
    const empty = (await s.analyst(TOTALS, { y: 2001 })).data.talentTotals;
    expect(empty).toMatchObject({ assessed: 0, passed: 0, subsidyTotal: '0.00', withheld: false });
  });

  it("answers Teacher.talent to the teacher and their school, and never to an ANALYST", async () => {
    const q = TEACHER_ENTITIES(`talent(year: ${LAST_YEAR}) { category result subsidy recordedSchool { id } }`);
    const self = await s.teacher('ta6')(q, { r: [teacherRep('ta6', SCHOOL)] });
    expect(self.data._entities[0].talent).toEqual({ category: 'A', result: 'FAILED', subsidy: null, recordedSchool: { id: SCHOOL } });
    const other = await s.teacher('ta6')(q, { r: [teacherRep('ta1', SCHOOL)] });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.data._entities[0].talent).toBeNull();
    const analyst = await s.analyst(q, { r: [teacherRep('ta1', SCHOOL)] });
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const list = await s.schoolAdmin(SCHOOL)(`{ talentRecords(filter: { year: ${LAST_YEAR}, category: C }) { totalCount } }`);
    expect(list.data.talentRecords.totalCount).toBe(10);
  });
});
