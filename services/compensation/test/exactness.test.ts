import { testDatabaseKinds } from '@tw/kernel/testing';
import { fen, yuan } from './district';
import { CompensationTestServer, LAST_YEAR, startCompensationForTest, teacherEntry, UPSERT_PAY } from './harness';

const N = 10_000;
const SCHOOLS = 20;
const schoolOf = (i: number) => `school-${String(i % SCHOOLS).padStart(2, '0')}`;

/** 10,000 pay rows whose amounts all end in x.x1 yuan, the annual incomes chosen so the average falls on half a fen. */
function rows() {
  const list = Array.from({ length: N }, (_, i) => ({
    teacherId: `t-${String(i).padStart(5, '0')}`,
    year: LAST_YEAR,
    annualIncome: `${70000 + ((i * 7919) % 90000)}.${(i % 9) + 1}1`,
    performanceMonthly: `${2000 + ((i * 37) % 1000)}.${i % 10}1`,
  }));
  const total = list.reduce((s, r) => s + fen(r.annualIncome), 0n);
  // move the last income so that total ÷ N leaves exactly half a fen (a remainder of N / 2)
  const delta = (((BigInt(N / 2) - (total % BigInt(N))) % BigInt(N)) + BigInt(N)) % BigInt(N);
  const last = list[N - 1];
  last.annualIncome = yuan(fen(last.annualIncome) + delta);
  return list;
}

describe.each(testDatabaseKinds())('money is exact to the fen on %s', (kind) => {
  let s: CompensationTestServer;
  const data = rows();
  beforeAll(async () => {
    s = await startCompensationForTest(kind, data.map((r, i) => teacherEntry(r.teacherId, schoolOf(i))), []);
    for (let i = 0; i < N; i += 1000) {
      const r = await s.admin(UPSERT_PAY, { rows: data.slice(i, i + 1000) });
      expect(r.errors).toBeUndefined();
      expect(r.data.r).toMatchObject({ created: 1000, rejected: 0 });
    }
  });
  afterAll(() => s.stop());

  it('sums 10,000 records of x.x1 yuan to the fen, and rounds the average half-up', async () => {
    const total = data.reduce((t, r) => t + fen(r.annualIncome), 0n);
    expect(total % BigInt(N)).toBe(BigInt(N / 2));
    const r = await s.analyst(`{ payParity(year: ${LAST_YEAR}) { teachers averageAnnualIncome schools { teachers averageAnnualIncome } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.payParity.teachers).toBe(N);
    expect(r.data.payParity.averageAnnualIncome).toBe(yuan(total / BigInt(N) + 1n));
    expect(r.extensions?.sqlStatements).toBe(2);
    for (const school of r.data.payParity.schools) expect(school.teachers).toBe(N / SCHOOLS);

    const paid = data.reduce((t, x) => t + fen(x.performanceMonthly), 0n) * 12n;
    const p = await s.admin(`{ performancePay(year: ${LAST_YEAR}) { paidTotal payRecords schools { school { id } paidTotal } } }`);
    expect(p.data.performancePay).toMatchObject({ paidTotal: yuan(paid), payRecords: N });
    const bySchool = new Map<string, bigint>();
    data.forEach((x, i) => bySchool.set(schoolOf(i), (bySchool.get(schoolOf(i)) ?? 0n) + fen(x.performanceMonthly) * 12n));
    for (const school of p.data.performancePay.schools) expect(school.paidTotal).toBe(yuan(bySchool.get(school.school.id)!));
  });
});
