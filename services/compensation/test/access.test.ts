import { testDatabaseKinds } from '@tw/kernel/testing';
import { CompensationTestServer, LAST_YEAR, payRow, startCompensationForTest, teacherEntry, TEACHER_ENTITIES, teacherRep, UPSERT_PAY } from './harness';

const OWN = 'school-own';
const OTHER = 'school-other';
const teachers = [teacherEntry('t-own', OWN), teacherEntry('t-own2', OWN), teacherEntry('t-other', OTHER)];
const PAY = TEACHER_ENTITIES(`pay(year: ${LAST_YEAR}) { annualIncome } payHistory { year }`);

describe.each(testDatabaseKinds())('who reads pay on %s', (kind) => {
  let s: CompensationTestServer;
  beforeAll(async () => {
    s = await startCompensationForTest(kind, teachers, []);
    const r = await s.admin(UPSERT_PAY, { rows: teachers.map((t, i) => payRow(t.id, LAST_YEAR, `${90000 + i}.10`)) });
    expect(r.data.r.created).toBe(3);
  });
  afterAll(() => s.stop());

  it("lets a SCHOOL_ADMIN read their own school's teachers' pay and refuses another school's", async () => {
    const clerk = s.schoolAdmin(OWN);
    const own = await clerk(PAY, { r: [teacherRep('t-own', OWN)] });
    expect(own.errors).toBeUndefined();
    expect(own.data._entities[0]).toEqual({ id: 't-own', pay: { annualIncome: '90000.10' }, payHistory: [{ year: LAST_YEAR }] });
    const other = await clerk(PAY, { r: [teacherRep('t-other', OTHER)] });
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(other.data._entities[0]).toEqual({ id: 't-other', pay: null, payHistory: null });
    // the school personnel holds now decides, not the one on the record
    const moved = await s.schoolAdmin(OTHER)(PAY, { r: [teacherRep('t-own', OTHER)] });
    expect(moved.data._entities[0].pay).toEqual({ annualIncome: '90000.10' });
  });

  it("lets a TEACHER read their own pay and refuses a colleague's", async () => {
    const me = s.teacher('t-own');
    const mine = await me(PAY, { r: [teacherRep('t-own', OWN)] });
    expect(mine.data._entities[0].pay).toEqual({ annualIncome: '90000.10' });
    const colleague = await me(PAY, { r: [teacherRep('t-own2', OWN)] });
    expect(colleague.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: "Teacher t-own2's pay is outside what your token may read" });
    expect(colleague.data._entities[0].pay).toBeNull();
  });

  it("never gives an ANALYST a single teacher's pay, directly or in a list", async () => {
    const r = await s.analyst(PAY, { r: [teacherRep('t-own', OWN)] });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: "ANALYST tokens read aggregates only, never a single teacher's pay" });
    expect(JSON.stringify(r.data)).not.toContain('90000');
    const list = await s.analyst(`{ payRecords(filter: { year: ${LAST_YEAR} }) { nodes { annualIncome } } }`);
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(list.data).toBeNull();
  });

  it("scopes the pay records list: a school's records to its SCHOOL_ADMIN, a teacher's own to them", async () => {
    const q = (school?: string) => `{ payRecords(filter: { year: ${LAST_YEAR}${school ? `, schoolId: "${school}"` : ''} }) { totalCount nodes { teacher { id } annualIncome } } }`;
    const clerk = s.schoolAdmin(OWN);
    const own = await clerk(q());
    expect(own.data.payRecords.nodes.map((n: { teacher: { id: string } }) => n.teacher.id).sort()).toEqual(['t-own', 't-own2']);
    expect((await clerk(q(OTHER))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await s.teacher('t-other')(q());
    expect(mine.data.payRecords).toEqual({ totalCount: 1, nodes: [{ teacher: { id: 't-other' }, annualIncome: '90002.10' }] });
    expect((await s.admin(q())).data.payRecords.totalCount).toBe(3);
  });

  it('answers nothing without a token', async () => {
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-secret': s.keys.gatewaySecret },
      body: JSON.stringify({ query: `{ payParity(year: ${LAST_YEAR}) { teachers } }` }),
    });
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
