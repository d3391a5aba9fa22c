import { testDatabaseKinds } from '@tw/kernel/testing';
import { GovernanceTestServer, outcomes, SCHOOL_A, SCHOOL_B, startGovernanceForTest, teacherEntities, teacherReps, UPSERT_AWARDS, UPSERT_ETHICS, UPSERT_RANKS, UPSERT_VIOLATIONS } from './harness';

const ELIGIBILITY = 'query($ids: [ID!]!) { eligibility(teacherIds: $ids, year: 2024) { teacherId vetoed } }';
const PERSONAL = 'ethics(year: 2024) { result } violations { occurredOn } appraisal(year: 2024) { result } awards { title } principalRanks { rank } eligibility(year: 2024) { vetoed }';

describe.each(testDatabaseKinds())('who reads and writes governance data on %s', (kind) => {
  let s: GovernanceTestServer;
  let a: string; // a teacher of school A
  let b: string; // a teacher of school B
  const schoolAdminA = () => s.as({ subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A });
  const teacherA = () => s.as({ subject: 'teacher-a', role: 'TEACHER', teacherId: a });
  const analyst = () => s.as({ subject: 'analyst', role: 'ANALYST' });
  const admin = () => s.as({ subject: 'bureau', role: 'DISTRICT_ADMIN' });
  const service = () => s.as({ subject: 'service:professional-development', role: 'SERVICE' });

  beforeAll(async () => {
    s = await startGovernanceForTest(kind);
    a = s.addTeacher('ac-a', SCHOOL_A);
    b = s.addTeacher('ac-b', SCHOOL_B);
    for (const t of [a, b]) {
      const e = await s.admin(UPSERT_ETHICS, { rows: [{ teacherId: t, year: 2024, result: 'COMPETENT' }] });
      expect(e.data.r.created).toBe(1);
      await s.admin(UPSERT_VIOLATIONS, { rows: [{ teacherId: t, occurredOn: '2024-02-01', negativeListItem: '9', sanction: 'WARNING' }] });
      await s.admin(UPSERT_AWARDS, { rows: [{ teacherId: t, title: '优秀教师', level: 'COUNTY', awardedOn: '2023-09-10' }] });
    }
  });
  afterAll(() => s.stop());

  it('answers Query.eligibility to SERVICE and DISTRICT_ADMIN for anyone, to a SCHOOL_ADMIN for their school only, to no one else', async () => {
    for (const client of [service(), s.admin]) {
      const r = await client(ELIGIBILITY, { ids: [a, b] });
      expect(r.errors).toBeUndefined();
      expect(r.data.eligibility).toEqual([
        { teacherId: a, vetoed: true },
        { teacherId: b, vetoed: true },
      ]);
    }
    expect((await schoolAdminA()(ELIGIBILITY, { ids: [a] })).data.eligibility).toEqual([{ teacherId: a, vetoed: true }]);
    const other = await schoolAdminA()(ELIGIBILITY, { ids: [a, b, 'unknown'] });
    expect(other.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: `A SCHOOL_ADMIN token reads only its own school's teachers (school ${SCHOOL_A}); not of it: ${b}, unknown`,
    });
    for (const client of [teacherA(), analyst()]) expect((await client(ELIGIBILITY, { ids: [a] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers the Teacher fields to those who may read the person, null to others', async () => {
    const read = async (client: ReturnType<GovernanceTestServer['as']>) => {
      const r = await client(teacherEntities(PERSONAL), { r: teacherReps([{ id: a, schoolId: SCHOOL_A }, { id: b, schoolId: SCHOOL_B }]) });
      expect(r.errors).toBeUndefined();
      return r.data._entities.map((t: { ethics: unknown; violations: unknown; awards: unknown; eligibility: unknown }) => [!!t.ethics, !!t.violations, !!t.awards, !!t.eligibility]);
    };
    const all = [true, true, true, true];
    const none = [false, false, false, false];
    expect(await read(s.admin)).toEqual([all, all]);
    expect(await read(service())).toEqual([all, all]);
    expect(await read(schoolAdminA())).toEqual([all, none]);
    expect(await read(teacherA())).toEqual([all, none]);
    expect(await read(analyst())).toEqual([none, none]);
    // the teacher's school now decides, as the gateway fetched it: moved to B, A's admin no longer reads them
    const moved = await schoolAdminA()(teacherEntities('ethics(year: 2024) { result }'), { r: teacherReps([{ id: a, schoolId: SCHOOL_B }]) });
    expect(moved.data._entities).toEqual([{ id: a, ethics: null }]);
  });

  it('lists records to DISTRICT_ADMIN, a SCHOOL_ADMIN their school’s, a TEACHER their own, an ANALYST none', async () => {
    const q = (filter = '') => `{ ethicsAssessments${filter} { nodes { teacherId } } violations${filter} { nodes { teacherId } } awards${filter} { nodes { teacherId } } }`;
    const ids = (d: Record<string, { nodes: Array<{ teacherId: string }> }>) => Object.values(d).map((c) => c.nodes.map((n) => n.teacherId).sort());
    expect(ids((await s.admin(q())).data)).toEqual([[a, b].sort(), [a, b].sort(), [a, b].sort()]);
    expect(ids((await schoolAdminA()(q())).data)).toEqual([[a], [a], [a]]);
    expect(ids((await teacherA()(q())).data)).toEqual([[a], [a], [a]]);
    expect((await schoolAdminA()(q(`(filter: { schoolId: "${SCHOOL_B}" })`))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await teacherA()(q(`(filter: { teacherId: "${b}" })`))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const r = await analyst()(q());
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'ANALYST tokens read aggregates only, not individual teachers’ records' });
    expect(JSON.stringify(r.data ?? null)).not.toContain(a);
  });

  it('gives aggregates to ANALYST and DISTRICT_ADMIN, a SCHOOL_ADMIN their school’s, a TEACHER none', async () => {
    const q = (school = '') => `{ governanceSummary(year: 2024${school}) { schoolId vetoedTeachers ethicsResults { result count } withheldReason } }`;
    const district = await admin()(q());
    expect(district.errors).toBeUndefined();
    expect(district.data.governanceSummary.vetoedTeachers).toBe(2);
    expect(district.data.governanceSummary.ethicsResults.find((c: { result: string }) => c.result === 'COMPETENT').count).toBe(2);
    // an ANALYST reads the same summary with every count of 1–4 teachers withheld (issue 16, finding 5)
    const small = await analyst()(q());
    expect(small.errors).toBeUndefined();
    expect(small.data.governanceSummary.vetoedTeachers).toBeNull();
    for (const c of small.data.governanceSummary.ethicsResults as Array<{ count: number | null }>) expect(c.count === null || c.count === 0 || c.count >= 5).toBe(true);
    expect(small.data.governanceSummary.withheldReason).toMatch(/withheld/);
    expect((await analyst()(q(`, schoolId: "${SCHOOL_A}"`))).data.governanceSummary.vetoedTeachers).toBeNull();
    const own = await schoolAdminA()(q());
    expect(own.data.governanceSummary).toMatchObject({ schoolId: SCHOOL_A, vetoedTeachers: 1 });
    expect((await schoolAdminA()(q(`, schoolId: "${SCHOOL_B}"`))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await teacherA()(q())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a SCHOOL_ADMIN write only their school’s teachers, row by row, and not the district’s decisions', async () => {
    const r = await schoolAdminA()(UPSERT_ETHICS, { rows: [{ teacherId: a, year: 2023, result: 'EXCELLENT' }, { teacherId: b, year: 2023, result: 'EXCELLENT' }] });
    expect(outcomes(r.data.r.rows)).toEqual(['SUBMITTED', 'TEACHER_NOT_FOUND']);
    // the id sent, not the name of another school's teacher
    expect(r.data.r.rows[1].message).toBe(`教师 id“${b}” 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息`);
    expect(r.data.r.written).toBe(false);
    const ranks = await schoolAdminA()(UPSERT_RANKS, { rows: [{ teacherId: a, rank: 'SENIOR', year: 2024 }] });
    expect(ranks.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const client of [teacherA(), analyst()]) expect((await client(UPSERT_ETHICS, { rows: [] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
