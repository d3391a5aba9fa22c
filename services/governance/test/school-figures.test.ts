import { testDatabaseKinds } from '@tw/kernel/testing';
import { GovernanceTestServer, outcomes, Row, SCHOOL_A, SCHOOL_B, startGovernanceForTest, UPSERT_AWARDS, UPSERT_ETHICS, UPSERT_EVENTS, UPSERT_ITEMS, UPSERT_RANKS, UPSERT_REFORMS } from './harness';

const SCHOOLS = 'query($r: [_Any!]!, $y: Int!) { _entities(representations: $r) { ... on School { id reformStatus reform { pilotStartedOn completedOn } inspectionCount(year: $y) } } }';
const schoolReps = (ids: string[]) => ids.map((id) => ({ __typename: 'School', id }));

describe.each(testDatabaseKinds())('school governance figures on %s', (kind) => {
  let s: GovernanceTestServer;
  beforeAll(async () => {
    s = await startGovernanceForTest(kind);
  });
  afterAll(() => s.stop());

  const bulk = async (mutation: string, rows: unknown[], options?: Record<string, boolean>, client = s.admin) => {
    const r = await client(mutation, { rows, options });
    expect(r.errors).toBeUndefined();
    return r.data.r as { created: number; updated: number; unchanged: number; rejected: number; written: boolean; rows: Row[] };
  };

  it('refuses an inspection that is not on that year’s approved catalogue', async () => {
    const items = await bulk(UPSERT_ITEMS, [
      { year: 2024, name: '义务教育质量监测', department: '基础教育科', approvalNo: '中教〔2024〕1号' },
      { year: 2024, name: '校园安全检查', department: '安全科' },
      { year: 2024, name: '文明校园评比', department: '办公室' },
      { year: 2025, name: '义务教育质量监测', department: '基础教育科', approvalNo: '中教〔2025〕3号' },
      { year: 2025, name: ' 校园安全检查 ', department: '安全科' },
      { year: 2027, name: '校园安全检查', department: '安全科' },
      { year: 2028, name: '校园安全检查', department: '安全科' },
    ], { partial: true });
    expect(outcomes(items.rows)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED', 'CREATED', 'CREATED', 'BAD_YEAR']);

    const event = (over: Record<string, unknown>) => ({ year: 2025, name: '校园安全检查', department: '安全科', schoolId: SCHOOL_A, heldOn: '2025-04-10', ...over });
    const rows = [
      event({}),
      event({ name: '文明校园评比', department: '办公室' }),
      event({ department: '办公室', heldOn: '2025-04-11' }),
      event({ heldOn: '2024-12-30' }),
      event({ schoolId: 'no-such-school' }),
      event({ schoolId: null, heldOn: null, name: '义务教育质量监测', department: '基础教育科' }),
      event({ schoolId: SCHOOL_B }),
    ];
    const r = await bulk(UPSERT_EVENTS, rows);
    expect(outcomes(r.rows)).toEqual(['CREATED', 'NOT_IN_CATALOGUE', 'DEPARTMENT_MISMATCH', 'DATE_NOT_IN_YEAR', 'SCHOOL_NOT_FOUND', 'CREATED', 'CREATED']);
    expect(r.written).toBe(false);
    expect(r.rows[1].message).toBe('“文明校园评比”不在 2025 年度检查考核评比目录清单内，未经批准不得开展');
    expect(r.rows[2].message).toBe('2025 年度目录中“校园安全检查”的发起部门为“安全科”，与“办公室”不一致');
    expect((await bulk(UPSERT_EVENTS, rows, { partial: true })).created).toBe(3);
    expect(outcomes((await bulk(UPSERT_EVENTS, [rows[0]])).rows)).toEqual(['UNCHANGED']);

    const clerk = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A });
    const own = await bulk(UPSERT_EVENTS, [event({ heldOn: '2025-09-01' }), event({ schoolId: SCHOOL_B, heldOn: '2025-09-01' }), event({ schoolId: null, heldOn: '2025-09-02' })], { partial: true }, clerk);
    expect(outcomes(own.rows)).toEqual(['CREATED', 'SCHOOL_FORBIDDEN', 'SCHOOL_REQUIRED']);
    expect((await clerk(UPSERT_ITEMS, { rows: [] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('counts inspections and catalogue items against the year before, with the reduction (null when the year before had none)', async () => {
    await bulk(UPSERT_EVENTS, [
      { year: 2024, name: '校园安全检查', department: '安全科', schoolId: SCHOOL_A, heldOn: '2024-03-01' },
      { year: 2024, name: '校园安全检查', department: '安全科', schoolId: SCHOOL_A, heldOn: '2024-10-01' },
      { year: 2024, name: '文明校园评比', department: '办公室', schoolId: SCHOOL_B, heldOn: '2024-06-01' },
      { year: 2024, name: '义务教育质量监测', department: '基础教育科', schoolId: SCHOOL_B, heldOn: '2024-05-20' },
      { year: 2024, name: '义务教育质量监测', department: '基础教育科', schoolId: SCHOOL_A, heldOn: '2024-05-20' },
    ]);
    const q = (y: number) => `{ inspectionSummary(year: ${y}) { year events lastYearEvents eventReduction catalogueItems lastYearCatalogueItems catalogueReduction } }`;
    const analyst = s.as({ subject: 'a', role: 'ANALYST' });
    const y2025 = (await analyst(q(2025))).data.inspectionSummary;
    expect(y2025).toEqual({ year: 2025, events: 4, lastYearEvents: 5, eventReduction: expect.closeTo(0.2, 10), catalogueItems: 2, lastYearCatalogueItems: 3, catalogueReduction: expect.closeTo(1 / 3, 10) });
    const y2024 = (await analyst(q(2024))).data.inspectionSummary;
    expect(y2024).toMatchObject({ events: 5, lastYearEvents: 0, eventReduction: null, catalogueItems: 3, catalogueReduction: null });
    const y2026 = (await analyst(q(2026))).data.inspectionSummary;
    expect(y2026).toMatchObject({ events: 0, lastYearEvents: 4, eventReduction: 1, catalogueItems: 0, catalogueReduction: 1 });

    const schools = await analyst(SCHOOLS, { r: schoolReps([SCHOOL_A, SCHOOL_B]), y: 2024 });
    expect(schools.data._entities.map((x: { inspectionCount: number }) => x.inspectionCount)).toEqual([3, 2]);
    expect((await analyst('{ inspectionItems(year: 2025) { totalCount nodes { name approvalNo } } }')).data.inspectionItems.totalCount).toBe(2);
  });

  it('keeps each school’s reform state with its dates, and the district’s rollout on a date', async () => {
    const c = s.addSchool('school-c', '测试第三小学');
    const rows = [
      { schoolId: SCHOOL_A, status: 'PILOT', pilotStartedOn: '2024-03-01' },
      { schoolId: SCHOOL_B, status: 'COMPLETED', pilotStartedOn: '2023-09-01', completedOn: '2025-06-30', note: '首批' },
      { schoolId: 'no-such-school', status: 'PILOT', pilotStartedOn: '2024-03-01' },
      { schoolId: 'x1', status: 'PILOT' },
      { schoolId: 'x2', status: 'NOT_STARTED', completedOn: '2024-01-01' },
      { schoolId: 'x3', status: 'COMPLETED', pilotStartedOn: '2024-01-01', completedOn: '2023-01-01' },
    ];
    for (const id of ['x1', 'x2', 'x3']) s.addSchool(id, `学校${id}`);
    const r = await bulk(UPSERT_REFORMS, rows, { partial: true });
    expect(outcomes(r.rows)).toEqual(['CREATED', 'CREATED', 'SCHOOL_NOT_FOUND', 'PILOT_DATE_REQUIRED', 'DATES_NOT_EXPECTED', 'COMPLETED_BEFORE_PILOT']);

    const analyst = s.as({ subject: 'a', role: 'ANALYST' });
    const schools = await analyst(SCHOOLS, { r: schoolReps([SCHOOL_A, SCHOOL_B, c]), y: 2025 });
    expect(schools.data._entities.map((x: { reformStatus: string }) => x.reformStatus)).toEqual(['PILOT', 'COMPLETED', 'NOT_STARTED']);
    expect(schools.data._entities[1].reform).toEqual({ pilotStartedOn: '2023-09-01', completedOn: '2025-06-30' });
    expect(schools.data._entities[2].reform).toBeNull();

    const progress = async (year?: number) => (await analyst(`{ reformProgress${year ? `(year: ${year})` : ''} { asOf totalSchools completed completedShare counts { status count } } }`)).data.reformProgress;
    // A, B, C and x1–x3: six schools
    expect(await progress()).toMatchObject({ totalSchools: 6, completed: 1, completedShare: expect.closeTo(1 / 6, 10), counts: [{ status: 'NOT_STARTED', count: 4 }, { status: 'PILOT', count: 1 }, { status: 'COMPLETED', count: 1 }] });
    expect(await progress(2024)).toMatchObject({ asOf: '2024-12-31', completed: 0, completedShare: 0, counts: [{ status: 'NOT_STARTED', count: 4 }, { status: 'PILOT', count: 2 }, { status: 'COMPLETED', count: 0 }] });
    expect((await progress(2022)).counts[0]).toEqual({ status: 'NOT_STARTED', count: 6 });
  });

  it('certifies principal ranks by principal + year, at their school unless another is named', async () => {
    const [p1, p2] = [s.addTeacher('p-1', SCHOOL_A), s.addTeacher('p-2', SCHOOL_B)];
    const rows = [
      { teacherId: p1, rank: 'SENIOR', year: 2025 },
      { teacherId: p2, schoolId: SCHOOL_A, rank: 'INTERMEDIATE', year: 2025 },
      { teacherId: p2, schoolId: 'no-such-school', rank: 'JUNIOR', year: 2024 },
      { teacherId: p1, rank: 'SPECIAL', year: 2099 },
    ];
    expect(outcomes((await bulk(UPSERT_RANKS, rows, { partial: true })).rows)).toEqual(['CREATED', 'CREATED', 'SCHOOL_NOT_FOUND', 'BAD_YEAR']);
    const list = await s.admin('{ principalRanks(filter: { year: 2025 }) { nodes { teacherId rank year school { id } } } }');
    expect(list.data.principalRanks.nodes).toEqual([
      { teacherId: p1, rank: 'SENIOR', year: 2025, school: { id: SCHOOL_A } },
      { teacherId: p2, rank: 'INTERMEDIATE', year: 2025, school: { id: SCHOOL_A } },
    ]);
    expect(outcomes((await bulk(UPSERT_RANKS, [rows[0], { ...rows[1], rank: 'SENIOR' }])).rows)).toEqual(['UNCHANGED', 'UPDATED']);
  });

  it('sums a year for the district and per school, by the school each record was written for', async () => {
    const [t1, t2, t3] = [s.addTeacher('sum-1', SCHOOL_A), s.addTeacher('sum-2', SCHOOL_A), s.addTeacher('sum-3', SCHOOL_B)];
    await bulk(UPSERT_ETHICS, [
      { teacherId: t1, year: 2025, result: 'EXCELLENT' },
      { teacherId: t2, year: 2025, result: 'COMPETENT' },
      { teacherId: t3, year: 2025, result: 'INCOMPETENT' },
    ]);
    await bulk(UPSERT_AWARDS, [
      { teacherId: t1, title: '区优秀教师', level: 'COUNTY', awardedOn: '2025-09-10' },
      { teacherId: t1, title: '市骨干教师', level: 'MUNICIPAL', awardedOn: '2025-05-04' },
      { teacherId: t2, title: '区优秀教师', level: 'COUNTY', awardedOn: '2025-09-10' },
    ]);
    const q = (school = '') => `{ governanceSummary(year: 2025${school}) { ethicsResults { result count } vetoedTeachers awards awardsByLevel { level count } teachersCommended principalsCertified principalRanks { rank count } } }`;
    const district = (await s.admin(q())).data.governanceSummary;
    expect(district).toMatchObject({ vetoedTeachers: 1, awards: 3, teachersCommended: 2, principalsCertified: 2 });
    expect(district.ethicsResults).toEqual([
      { result: 'EXCELLENT', count: 1 },
      { result: 'COMPETENT', count: 1 },
      { result: 'BASICALLY_COMPETENT', count: 0 },
      { result: 'INCOMPETENT', count: 1 },
    ]);
    expect(district.awardsByLevel.filter((l: { count: number }) => l.count)).toEqual([
      { level: 'MUNICIPAL', count: 1 },
      { level: 'COUNTY', count: 2 },
    ]);
    expect(district.principalRanks.filter((r: { count: number }) => r.count)).toEqual([{ rank: 'SENIOR', count: 2 }]);
    const b = (await s.admin(q(`, schoolId: "${SCHOOL_B}"`))).data.governanceSummary;
    expect(b).toMatchObject({ vetoedTeachers: 1, awards: 0, teachersCommended: 0, principalsCertified: 0 });
  });
});
