import { compensationDemo, generateDistrict, gatewayPoster } from '@tw/demo';
import type { DemoContext, DemoSchoolRecord, DemoTeacherRecord } from '@tw/demo';
import { Random } from '@tw/kernel';
import { GraphQLAnswer, TEST_DATE, TEST_YEAR, testDatabaseKinds, tokenFor } from '@tw/kernel/testing';
import { Platform, startPlatform } from '../src/platform';

const UPSERT = (name: string, input: string) =>
  `mutation($rows: [${input}!]!) { r: ${name}(rows: $rows) { created updated unchanged rejected written rows { index status code message } } }`;
const fen = (yuan: string): bigint => BigInt(yuan.replace('.', ''));
const yuan = (f: bigint): string => `${f < 0n ? '-' : ''}${(f < 0n ? -f : f) / 100n}.${String((f < 0n ? -f : f) % 100n).padStart(2, '0')}`;

type PayNode = { annualIncome: string; performanceMonthly: string | null; schoolPublic: boolean; teacherServing: boolean; recordedSchool: { id: string } };

describe.each(testDatabaseKinds())('compensation through the gateway on %s', (kind) => {
  let p: Platform;
  let schools: DemoSchoolRecord[];
  let teachers: DemoTeacherRecord[];
  const year = TEST_YEAR - 1;

  /** Every page of a year's pay records, as DISTRICT_ADMIN. */
  async function allPay(): Promise<PayNode[]> {
    const out: PayNode[] = [];
    for (let after: string | null = null; ; ) {
      const r: GraphQLAnswer = await p.admin(
        'query($y: Int!, $after: String) { payRecords(filter: { year: $y }, first: 1000, after: $after) { nodes { annualIncome performanceMonthly schoolPublic teacherServing recordedSchool { id } } pageInfo { hasNextPage endCursor } } }',
        { y: year, after },
      );
      expect(r.errors).toBeUndefined();
      out.push(...r.data.payRecords.nodes);
      if (!r.data.payRecords.pageInfo.hasNextPage) return out;
      after = r.data.payRecords.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    p = await startPlatform(kind);
    // a slice of the demo district: a few public schools of different sizes and a private one
    const d = generateDistrict(11, TEST_DATE);
    const picked = [...d.schools.filter((s) => s.sponsor === 'PUBLIC').slice(7, 11), ...d.schools.filter((s) => s.sponsor === 'PRIVATE').slice(0, 1)];
    const codes = new Set(picked.map((s) => s.code));
    expect((await p.admin(UPSERT('upsertSchools', 'SchoolInput'), { rows: picked })).data.r.rejected).toBe(0);
    const t = await p.admin(UPSERT('upsertTeachers', 'TeacherInput'), { rows: d.teachers.filter((x) => codes.has(x.schoolCode)) });
    expect(t.data.r.rejected).toBe(0);

    schools = (await p.admin('{ schools(first: 100) { nodes { id code name type sponsor } } }')).data.schools.nodes;
    const nodes = (await p.admin('{ teachers(first: 1000) { nodes { id name idNumber gender birthDate politicalStatus professionalTitle postCategory teachingSubject status inQuota workStartMonth school { id } } } }')).data.teachers.nodes;
    teachers = nodes.map(({ school, ...x }: DemoTeacherRecord & { school: { id: string } }) => ({ ...x, schoolId: school.id }));

    // the compensation demo, through the gateway's bulk mutations as `npm start` runs it
    const post = gatewayPoster(p.gatewayUrl, tokenFor(p.keys, { subject: 'demo', role: 'DISTRICT_ADMIN' }));
    const ctx: DemoContext = {
      post,
      log: () => {},
      today: TEST_DATE,
      year: TEST_YEAR,
      schools,
      teachers,
      random: new Random(5),
      bulk: async (mutation, inputType, rows) => {
        let created = 0;
        for (let i = 0; i < rows.length; i += 1000) {
          const r = await post(UPSERT(mutation, inputType), { rows: rows.slice(i, i + 1000) });
          expect(r.r.rows.filter((x: { status: string }) => x.status === 'REJECTED')).toEqual([]);
          created += r.r.created;
        }
        return created;
      },
    };
    await compensationDemo(ctx);
  });
  afterAll(() => p.stop());

  it("answers a school's teachers with their pay for a year, to the school's SCHOOL_ADMIN and not another's", async () => {
    const school = schools.find((s) => s.sponsor === 'PUBLIC')!;
    const other = schools.find((s) => s.id !== school.id)!;
    const q = `{ school(id: "${school.id}") { name teachers(first: 1000, filter: { serving: true }) { nodes { id name pay(year: ${year}) { annualIncome performanceMonthly monthlyTotal recordedSchool { name } } } } } }`;
    const admin = await p.admin(q);
    expect(admin.errors).toBeUndefined();
    const nodes = admin.data.school.teachers.nodes as Array<{ id: string; pay: { annualIncome: string; monthlyTotal: string; recordedSchool: { name: string } } | null }>;
    const fullYear = teachers.filter((t) => t.schoolId === school.id && ['IN_SERVICE', 'NOT_AT_POST'].includes(t.status) && t.workStartMonth <= `${year}-01`);
    expect(nodes.filter((n) => n.pay).map((n) => n.id).sort()).toEqual(fullYear.map((t) => t.id).sort());
    for (const n of nodes.filter((x) => x.pay)) {
      expect(n.pay!.annualIncome).toMatch(/^\d{5,6}\.\d{2}$/);
      expect(fen(n.pay!.monthlyTotal) * 12n).toBeLessThanOrEqual(fen(n.pay!.annualIncome));
      expect(n.pay!.recordedSchool.name).toBe(school.name);
    }

    const clerk = p.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: school.id });
    expect((await clerk(q)).data.school.teachers.nodes).toEqual(nodes);
    const otherClerk = p.as({ subject: 'clerk2', role: 'SCHOOL_ADMIN', schoolId: other.id });
    expect((await otherClerk(q)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const since = new Set(fullYear.filter((t) => t.workStartMonth <= `${year - 1}-01`).map((t) => t.id));
    const me = nodes.find((n) => n.pay && since.has(n.id))!;
    const self = await p.as({ subject: 'me', role: 'TEACHER', teacherId: me.id })(`{ teacher(id: "${me.id}") { pay(year: ${year}) { annualIncome } payHistory { year } } }`);
    expect(self.data.teacher).toEqual({ pay: { annualIncome: me.pay!.annualIncome }, payHistory: [{ year: year - 1 }, { year }] });
  });

  it('keeps the compensation statements constant for a page of 5 teachers or all of them with their pay', async () => {
    const q = (n: number) => `{ teachers(first: ${n}) { nodes { id pay(year: ${year}) { annualIncome } talent(year: ${year}) { category } } } }`;
    const count = async (n: number) => {
      const before = p.statements();
      const r = await p.admin(q(n));
      expect(r.errors).toBeUndefined();
      return p.statements().compensation - before.compensation;
    };
    const five = await count(5);
    const all = await count(1000);
    expect(all).toBe(five);
    console.log(`compensation SQL statements through the gateway on ${kind}: 5 teachers ${five}, ${teachers.length} teachers ${all}`);
  });

  it('answers the district parity for a year with the per-school list, as the pay records add up', async () => {
    const q = `{ payParity(year: ${year}) { benchmark teachers averageAnnualIncome ratio meetsPolicy gap withheld
      schools { school { name sponsor } teachers averageAnnualIncome ratio meetsPolicy gap withheld } } }`;
    const r = await p.admin(q);
    expect(r.errors).toBeUndefined();
    const parity = r.data.payParity;
    const population = (await allPay()).filter((x) => x.schoolPublic && x.teacherServing);
    const total = population.reduce((s, x) => s + fen(x.annualIncome), 0n);
    const n = BigInt(population.length);
    const average = (total * 2n + n) / (2n * n);
    expect(parity).toMatchObject({ teachers: population.length, averageAnnualIncome: yuan(average), withheld: false });
    // the demo puts the later year's benchmark a little below the teachers' average
    expect(parity.meetsPolicy).toBe(true);
    expect(parity.gap).toBe(yuan(average - fen(parity.benchmark)));
    expect(parity.schools.length).toBe(schools.filter((s) => s.sponsor === 'PUBLIC').length);
    expect(parity.schools.every((s: { school: { sponsor: string } }) => s.school.sponsor === 'PUBLIC')).toBe(true);
    const ratios = parity.schools.map((s: { ratio: number }) => s.ratio);
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);

    const analyst = await p.as({ subject: 'analyst', role: 'ANALYST' })(q);
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data.payParity.averageAnnualIncome).toBe(parity.averageAnnualIncome);
    const refused = await p.as({ subject: 'analyst', role: 'ANALYST' })(`{ teachers(first: 1) { nodes { pay(year: ${year}) { annualIncome } } } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused.data ?? null)).not.toMatch(/annualIncome":"\d/);
  });

  it('answers the talent totals by category, as the talent records add up', async () => {
    const r = await p.admin(`{ talentTotals(year: ${year}) { assessed passed failed subsidyTotal categories { category assessed passed failed subsidyTotal } } }`);
    expect(r.errors).toBeUndefined();
    const list = await p.admin(`{ talentRecords(filter: { year: ${year} }, first: 1000) { nodes { category result subsidy teacher { name } } } }`);
    const records = list.data.talentRecords.nodes as Array<{ category: string; result: string; subsidy: string | null; teacher: { name: string } }>;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((x) => x.teacher.name)).toBe(true);
    for (const c of r.data.talentTotals.categories) {
      const of = records.filter((x) => x.category === c.category);
      expect(c).toEqual({
        category: c.category,
        assessed: of.length,
        passed: of.filter((x) => x.result === 'PASSED').length,
        failed: of.filter((x) => x.result === 'FAILED').length,
        subsidyTotal: yuan(of.reduce((s, x) => s + (x.subsidy ? fen(x.subsidy) : 0n), 0n)),
      });
    }
    expect(r.data.talentTotals.assessed).toBe(records.length);
  });

  it("refuses, through personnel's directory, a pay row for a teacher personnel does not know", async () => {
    const known = teachers.find((t) => t.status === 'IN_SERVICE')!;
    const r = await p.admin(UPSERT('upsertPayRecords', 'PayRecordInput'), {
      rows: [
        { teacherId: known.id, year: year - 3, annualIncome: '90000' },
        { teacherId: '00000000-0000-7000-8000-000000000000', year: year - 3, annualIncome: '90000' },
      ],
    });
    expect(r.data.r.rows.map((x: { code: string | null; status: string }) => x.code ?? x.status)).toEqual(['CREATED', 'TEACHER_NOT_FOUND']);
    expect(r.data.r.written).toBe(false);
  });
});
