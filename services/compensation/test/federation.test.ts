import { testDatabaseKinds } from '@tw/kernel/testing';
import { CompensationTestServer, LAST_YEAR, payRow, startCompensationForTest, teacherEntry, TEACHER_ENTITIES, teacherRep, UPSERT_PAY, UPSERT_TALENT } from './harness';

const N = 500;
const schoolOf = (i: number) => `school-${i % 10}`;
const teachers = Array.from({ length: N }, (_, i) => teacherEntry(`t-${String(i).padStart(3, '0')}`, schoolOf(i)));

describe.each(testDatabaseKinds())('the federation contract of compensation on %s', (kind) => {
  let s: CompensationTestServer;
  beforeAll(async () => {
    s = await startCompensationForTest(kind, teachers, []);
    for (const year of [LAST_YEAR - 1, LAST_YEAR]) {
      const r = await s.admin(UPSERT_PAY, { rows: teachers.map((t, i) => payRow(t.id, year, `${80000 + i}.${String(i % 100).padStart(2, '0')}`)) });
      expect(r.data.r.created).toBe(N);
    }
    const talent = teachers.filter((_, i) => i % 20 === 0).map((t) => ({ teacherId: t.id, year: LAST_YEAR, category: 'B', result: 'PASSED', subsidy: '8000' }));
    expect((await s.admin(UPSERT_TALENT, { rows: talent })).data.r.created).toBe(25);
  });
  afterAll(() => s.stop());

  it('answers _service { sdl } extending Teacher and School by their keys, with the school the personal fields require', async () => {
    const r = await s.admin('{ _service { sdl } }');
    const sdl: string = r.data._service.sdl;
    expect(sdl).toMatch(/type Teacher\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type School\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('school: School! @external');
    expect(sdl).toContain('pay(year: Int!): PayRecord @requires(fields: "school { id }")');
    expect(sdl).toContain('payHistory: [PayRecord!] @requires(fields: "school { id }")');
    expect(sdl).toContain('talent(year: Int!): TalentRecord @requires(fields: "school { id }")');
    expect(sdl).toContain('scalar Yuan');
    expect(sdl).toMatch(/pay\(year: Int!\): SchoolPay!/);
  });

  it('resolves Teacher representations in order, null where there is nothing recorded', async () => {
    const r = await s.admin(TEACHER_ENTITIES(`pay(year: ${LAST_YEAR}) { annualIncome } talent(year: ${LAST_YEAR}) { category }`), {
      r: [teacherRep('t-020', schoolOf(20)), teacherRep('t-001', schoolOf(1)), teacherRep('t-unknown', 'school-x')],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data._entities).toEqual([
      { id: 't-020', pay: { annualIncome: '80020.20' }, talent: { category: 'B' } },
      { id: 't-001', pay: { annualIncome: '80001.01' }, talent: null },
      { id: 't-unknown', pay: null, talent: null },
    ]);
  });

  it('makes the same number of SQL statements for 500 teachers as for 5', async () => {
    const q = TEACHER_ENTITIES(`pay(year: ${LAST_YEAR}) { annualIncome monthlyTotal recordedSchool { id } } payHistory { year annualIncome } talent(year: ${LAST_YEAR}) { subsidy }`);
    const count = async (n: number) => {
      const r = await s.admin(q, { r: teachers.slice(0, n).map((t) => teacherRep(t.id, t.school.id)) });
      expect(r.errors).toBeUndefined();
      expect(r.data._entities).toHaveLength(n);
      expect(r.data._entities.every((e: { payHistory: unknown[] }) => e.payHistory.length === 2)).toBe(true);
      return r.extensions?.sqlStatements as number;
    };
    const five = await count(5);
    const fiveHundred = await count(N);
    expect(five).toBeGreaterThan(0);
    expect(fiveHundred).toBe(five);
    expect(fiveHundred).toBeLessThanOrEqual(3);
    console.log(`compensation SQL statements on ${kind}: 5 teachers ${five}, 500 teachers ${fiveHundred}`);
  });

  it('answers the completeness check (compensationMissingRecords) for 500 teachers in one statement, scoped to a school admin\'s own school', async () => {
    const q = (year: number) => TEACHER_ENTITIES(`compensationMissingRecords(year: ${year}) { kind kindTitle year }`);
    const count = async (n: number, year: number) => {
      const r = await s.admin(q(year), { r: teachers.slice(0, n).map((t) => teacherRep(t.id, t.school.id)) });
      expect(r.errors).toBeUndefined();
      return r;
    };
    const recorded = await count(N, LAST_YEAR);
    expect(recorded.data._entities.every((e: { compensationMissingRecords: unknown[] }) => e.compensationMissingRecords.length === 0)).toBe(true);
    const five = await count(5, LAST_YEAR - 2);
    const all = await count(N, LAST_YEAR - 2);
    expect(all.data._entities[7]).toEqual({ id: 't-007', compensationMissingRecords: [{ kind: 'pay', kindTitle: '工资记录', year: LAST_YEAR - 2 }] });
    expect(all.extensions?.sqlStatements).toBe(1);
    expect(five.extensions?.sqlStatements).toBe(1);
    const clerk = await s.schoolAdmin(schoolOf(0))(q(LAST_YEAR - 2), { r: [teacherRep('t-000', schoolOf(0)), teacherRep('t-001', schoolOf(1))] });
    expect(clerk.data._entities.map((e: { compensationMissingRecords: unknown }) => e.compensationMissingRecords)).toEqual([[{ kind: 'pay', kindTitle: '工资记录', year: LAST_YEAR - 2 }], null]);
    expect((await s.analyst(q(LAST_YEAR), { r: [teacherRep('t-000', schoolOf(0))] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('makes the same number of SQL statements for every school as for one', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on School { id pay(year: ${LAST_YEAR}) { teachers averageAnnualIncome } performancePay(year: ${LAST_YEAR}) { paidTotal } } } }`;
    const one = await s.admin(q, { r: [{ __typename: 'School', id: schoolOf(0) }] });
    const all = await s.admin(q, { r: Array.from({ length: 10 }, (_, i) => ({ __typename: 'School', id: schoolOf(i) })) });
    expect(all.errors).toBeUndefined();
    expect(all.data._entities.map((e: { pay: { teachers: number } }) => e.pay.teachers)).toEqual(Array(10).fill(50));
    expect(all.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    expect(all.extensions?.sqlStatements).toBeLessThanOrEqual(4);
  });
});
