import { makeIdNumber, testDatabaseKinds } from '@tw/kernel/testing';
import { Platform, startPlatform } from '../src/platform';

const UPSERT = (name: string, input: string) =>
  `mutation($rows: [${input}!]!, $options: BulkOptions) { r: ${name}(rows: $rows, options: $options) { created updated unchanged rejected written rows { index status code message } } }`;

function teacherRow(i: number, schoolCode: string, name: string) {
  const birthDate = `198${i}-0${i + 1}-1${i}`;
  return {
    schoolCode,
    name,
    gender: i % 2 ? 'MALE' : 'FEMALE',
    idNumber: makeIdNumber({ birthDate, seq: 40 + i, gender: i % 2 ? 'MALE' : 'FEMALE' }),
    birthDate,
    ethnicity: 'HAN',
    politicalStatus: 'MASSES',
    workStartMonth: `200${i}-09`,
    schoolStartMonth: `200${i}-09`,
    inQuota: true,
    status: 'IN_SERVICE',
  };
}

describe.each(testDatabaseKinds())('governance through the gateway on %s', (kind) => {
  let p: Platform;
  let schools: Array<{ id: string; code: string }>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    p = await startPlatform(kind);
    const s = await p.admin(UPSERT('upsertSchools', 'SchoolInput'), {
      rows: [
        { code: '4101029001', name: '中原区治理第一小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
        { code: '4101029002', name: '中原区治理第二小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
      ],
    });
    expect(s.data.r.rejected).toBe(0);
    const rows = [teacherRow(1, '4101029001', '王警告'), teacherRow(2, '4101029001', '李师德'), teacherRow(3, '4101029002', '张清白')];
    const t = await p.admin(UPSERT('upsertTeachers', 'TeacherInput'), { rows });
    expect(t.errors).toBeUndefined();
    expect(t.data.r.rejected).toBe(0);
    const list = await p.admin('{ schools { nodes { id code } } teachers { nodes { id name } } }');
    schools = list.data.schools.nodes.sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code));
    ids = Object.fromEntries(list.data.teachers.nodes.map((x: { id: string; name: string }) => [x.name, x.id]));

    const v = await p.admin(UPSERT('upsertViolations', 'ViolationInput'), { rows: [{ teacherId: ids['王警告'], occurredOn: '2024-03-15', negativeListItem: '5-关心爱护学生', sanction: 'WARNING' }] });
    expect(v.data.r).toMatchObject({ created: 1, written: true });
    const e = await p.admin(UPSERT('upsertEthicsAssessments', 'EthicsAssessmentInput'), { rows: [{ teacherId: ids['李师德'], year: 2024, result: 'INCOMPETENT' }] });
    expect(e.data.r).toMatchObject({ created: 1, written: true });
  });
  afterAll(() => p.stop());

  it("answers a teacher's eligibility for a year with the reasons", async () => {
    const r = await p.admin(`{ teacher(id: "${ids['王警告']}") { name y2024: eligibility(year: 2024) { vetoed purposes { purpose eligible reasons } } y2025: eligibility(year: 2025) { vetoed } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.teacher.name).toBe('王警告');
    expect(r.data.teacher.y2024.vetoed).toBe(true);
    expect(r.data.teacher.y2024.purposes).toEqual(
      ['EXCELLENT_APPRAISAL', 'AWARD', 'DESIGNATION', 'TITLE_PROMOTION'].map((purpose) => ({
        purpose,
        eligible: false,
        reasons: ['一票否决：2024-03-15 违反负面清单第 5 项“关心爱护学生”，受警告处分，影响期 2024-03-15 至 2024-09-14'],
      })),
    );
    expect(r.data.teacher.y2025.vetoed).toBe(false);

    const list = await p.admin('{ teachers { nodes { name eligibility(year: 2024) { vetoed purposes { reasons } } } } }');
    expect(Object.fromEntries(list.data.teachers.nodes.map((t: { name: string; eligibility: { vetoed: boolean } }) => [t.name, t.eligibility.vetoed]))).toEqual({ 王警告: true, 李师德: true, 张清白: false });
    const failed = list.data.teachers.nodes.find((t: { name: string }) => t.name === '李师德');
    expect(failed.eligibility.purposes[0].reasons).toEqual(['一票否决：2024 年度师德考核结论为“不合格”']);
  });

  it('answers Query.eligibility to a service, as professional-development asks before a designation', async () => {
    const service = p.as({ subject: 'service:professional-development', role: 'SERVICE' });
    const order = [ids['张清白'], ids['王警告'], ids['李师德']];
    const r = await service('query($ids: [ID!]!) { eligibility(teacherIds: $ids, year: 2024) { teacherId year vetoed purposes { purpose eligible } } }', { ids: order });
    expect(r.errors).toBeUndefined();
    expect(r.data.eligibility.map((e: { teacherId: string; vetoed: boolean }) => [e.teacherId, e.vetoed])).toEqual([
      [order[0], false],
      [order[1], true],
      [order[2], true],
    ]);
    // a SCHOOL_ADMIN reads their school's teachers only: personnel says where each teacher is
    const clerk = p.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: schools[0].id });
    expect((await clerk(`{ eligibility(teacherIds: ["${ids['王警告']}"], year: 2024) { vetoed } }`)).data.eligibility).toEqual([{ vetoed: true }]);
    const other = await clerk(`{ eligibility(teacherIds: ["${ids['张清白']}"], year: 2024) { vetoed } }`);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an award for a vetoed teacher with the reason, and checks teachers and schools with personnel', async () => {
    const r = await p.admin(UPSERT('upsertAwards', 'AwardInput'), {
      rows: [
        { teacherId: ids['王警告'], title: '区优秀教师', level: 'COUNTY', awardedOn: '2024-12-10', issuer: '中原区教育局' },
        { teacherId: ids['张清白'], title: '区优秀教师', level: 'COUNTY', awardedOn: '2024-12-10', issuer: '中原区教育局' },
        { teacherId: 'no-such-teacher', title: '区优秀教师', level: 'COUNTY', awardedOn: '2024-12-10' },
      ],
      options: { partial: true },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.r.rows.map((x: { code: string | null; status: string }) => x.code ?? x.status)).toEqual(['VETOED', 'CREATED', 'TEACHER_NOT_FOUND']);
    expect(r.data.r.rows[0].message).toBe(
      '教师“王警告”2024 年度一票否决，不得授予荣誉“区优秀教师”：2024-03-15 违反负面清单第 5 项“关心爱护学生”，受警告处分，影响期 2024-03-15 至 2024-09-14',
    );
    const awards = await p.admin(`{ teacher(id: "${ids['张清白']}") { awards { title level awardedOn issuer } } }`);
    expect(awards.data.teacher.awards).toEqual([{ title: '区优秀教师', level: 'COUNTY', awardedOn: '2024-12-10', issuer: '中原区教育局' }]);

    const reform = await p.admin(UPSERT('upsertSchoolReforms', 'SchoolReformInput'), {
      rows: [{ schoolId: schools[0].id, status: 'COMPLETED', pilotStartedOn: '2023-09-01', completedOn: '2024-07-01' }, { schoolId: 'no-such-school', status: 'PILOT', pilotStartedOn: '2024-01-01' }],
      options: { partial: true },
    });
    expect(reform.data.r.rows.map((x: { code: string | null; status: string }) => x.code ?? x.status)).toEqual(['CREATED', 'SCHOOL_NOT_FOUND']);
    const progress = await p.as({ subject: 'analyst', role: 'ANALYST' })(`{ reformProgress { totalSchools completed completedShare } school(id: "${schools[0].id}") { name reformStatus inspectionCount(year: 2024) } }`);
    expect(progress.errors).toBeUndefined();
    expect(progress.data.reformProgress).toEqual({ totalSchools: 2, completed: 1, completedShare: 0.5 });
    expect(progress.data.school).toEqual({ name: '中原区治理第一小学', reformStatus: 'COMPLETED', inspectionCount: 0 });
  });
});
