import { makeIdNumber, testDatabaseKinds } from '@tw/kernel/testing';
import { Platform, startPlatform } from '../src/platform';

// Issue 15's completeness check (完整性检测) per year through the gateway: personnel lists a school's
// serving teachers with the roster fields they lack, and compensation and governance add, on each
// teacher, the yearly records it has none of for the year, one statement a service for the page.

const YEAR = 2025;
const UPSERT = (name: string, input: string) => `mutation($rows: [${input}!]!) { r: ${name}(rows: $rows) { created rejected rows { index message } } }`;

/** A teacher with every roster field the bureau requires, but those in `lacking`. */
function teacherRow(i: number, schoolCode: string, name: string, lacking: string[] = []) {
  const birthDate = `198${i}-0${i + 1}-1${i}`;
  const row: Record<string, unknown> = {
    schoolCode,
    name,
    gender: i % 2 ? 'MALE' : 'FEMALE',
    idNumber: makeIdNumber({ birthDate, seq: 70 + i, gender: i % 2 ? 'MALE' : 'FEMALE' }),
    birthDate,
    ethnicity: 'HAN',
    politicalStatus: 'MASSES',
    workStartMonth: `200${i}-09`,
    schoolStartMonth: `200${i}-09`,
    inQuota: true,
    status: 'IN_SERVICE',
    staffNo: `T00${i}`,
    postCategory: 'TEACHING',
    professionalTitle: 'FIRST_GRADE',
    education: 'BACHELOR',
    teachingStage: '小学',
    teachingSubject: '语文',
  };
  for (const f of lacking) delete row[f];
  return row;
}

type Node = {
  year: number | null;
  missingTitles: string[];
  teacher: { name: string; school: { id: string }; compensationMissingRecords: Array<{ kind: string; kindTitle: string; year: number }> | null; governanceMissingRecords: Array<{ kind: string; kindTitle: string; year: number }> | null };
};

const CHECK = (year: number, first: number, school = '') =>
  `{ teacherCompleteness(${school ? `schoolId: "${school}", ` : ''}year: ${year}, first: ${first}) { totalCount nodes { year missingTitles teacher { name school { id } compensationMissingRecords(year: ${year}) { kind kindTitle year } governanceMissingRecords(year: ${year}) { kind kindTitle year } } } } }`;

describe.each(testDatabaseKinds())('completeness check per year and kind through the gateway on %s', (kind) => {
  let p: Platform;
  let s1: string;
  let s2: string;
  let ids: Record<string, string>;
  let clerk: ReturnType<Platform['as']>;

  beforeAll(async () => {
    p = await startPlatform(kind);
    const s = await p.admin(UPSERT('upsertSchools', 'SchoolInput'), {
      rows: [
        { code: '4101028001', name: '中原区完整性第一小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
        { code: '4101028002', name: '中原区完整性第二小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
      ],
    });
    expect(s.data.r.rejected).toBe(0);
    const t = await p.admin(UPSERT('upsertTeachers', 'TeacherInput'), {
      rows: [
        teacherRow(1, '4101028001', '甲老师'),
        teacherRow(2, '4101028001', '乙老师', ['education']),
        teacherRow(3, '4101028001', '丙老师'),
        teacherRow(4, '4101028001', '丁老师'),
        teacherRow(5, '4101028001', '戊老师'),
        teacherRow(6, '4101028001', '己老师'),
        teacherRow(7, '4101028002', '庚老师'),
      ],
    });
    expect(t.data.r).toMatchObject({ created: 7, rejected: 0 });
    const list = await p.admin('{ schools { nodes { id code } } teachers { nodes { id name } } }');
    const byCode = Object.fromEntries(list.data.schools.nodes.map((x: { id: string; code: string }) => [x.code, x.id]));
    [s1, s2] = [byCode['4101028001'], byCode['4101028002']];
    ids = Object.fromEntries(list.data.teachers.nodes.map((x: { id: string; name: string }) => [x.name, x.id]));
    // 甲: pay and appraisal for 2025, no ethics assessment; 乙: every yearly record of 2025; nothing for 2024
    const writes: Array<[string, string, object[]]> = [
      ['upsertPayRecords', 'PayRecordInput', [{ teacherId: ids['甲老师'], year: YEAR, annualIncome: '90000.00' }, { teacherId: ids['乙老师'], year: YEAR, annualIncome: '91000.00' }]],
      ['upsertAppraisals', 'AppraisalInput', [{ teacherId: ids['甲老师'], year: YEAR, result: 'COMPETENT' }, { teacherId: ids['乙老师'], year: YEAR, result: 'COMPETENT' }]],
      ['upsertEthicsAssessments', 'EthicsAssessmentInput', [{ teacherId: ids['乙老师'], year: YEAR, result: 'EXCELLENT' }]],
    ];
    for (const [name, input, rows] of writes) {
      const r = await p.admin(UPSERT(name, input), { rows });
      expect(r.errors).toBeUndefined();
      expect(r.data.r).toMatchObject({ created: rows.length, rejected: 0 });
    }
    clerk = p.as({ subject: 'clerk-1', role: 'SCHOOL_ADMIN', schoolId: s1 });
  });
  afterAll(() => p.stop());

  const byName = (nodes: Node[]) => Object.fromEntries(nodes.map((n) => [n.teacher.name, n]));
  const titles = (n: Node) => [...(n.teacher.compensationMissingRecords ?? []), ...(n.teacher.governanceMissingRecords ?? [])].map((m) => m.kindTitle);

  it('shows a teacher with pay and appraisal but no ethics assessment for the year as lacking exactly 师德考核, with the roster fields as before', async () => {
    const r = await clerk(CHECK(YEAR, 50));
    expect(r.errors).toBeUndefined();
    const c = r.data.teacherCompleteness;
    expect(c.totalCount).toBe(6);
    expect(c.nodes.every((n: Node) => n.teacher.school.id === s1 && n.year === YEAR)).toBe(true);
    const n = byName(c.nodes);
    expect(titles(n['甲老师'])).toEqual(['师德考核']);
    expect(n['甲老师'].missingTitles).toEqual([]);
    expect(n['甲老师'].teacher.governanceMissingRecords).toEqual([{ kind: 'ethics', kindTitle: '师德考核', year: YEAR }]);
    expect(n['甲老师'].teacher.compensationMissingRecords).toEqual([]);
    expect(titles(n['乙老师'])).toEqual([]);
    expect(n['乙老师'].missingTitles).toEqual(['学历']);
    expect(titles(n['丙老师'])).toEqual(['工资记录', '师德考核', '年度考核']);
  });

  it('shows, for another year, the kinds missing for that year', async () => {
    const r = await clerk(CHECK(YEAR - 1, 50));
    expect(r.errors).toBeUndefined();
    const n = byName(r.data.teacherCompleteness.nodes);
    expect(titles(n['甲老师'])).toEqual(['工资记录', '师德考核', '年度考核']);
    expect(titles(n['乙老师'])).toEqual(['工资记录', '师德考核', '年度考核']);
    expect(n['甲老师'].teacher.compensationMissingRecords).toEqual([{ kind: 'pay', kindTitle: '工资记录', year: YEAR - 1 }]);
  });

  it('without a year lists, as before, only the teachers lacking roster fields', async () => {
    const r = await clerk('{ teacherCompleteness(first: 50) { totalCount nodes { year missingFields missingTitles teacher { name } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.teacherCompleteness).toEqual({ totalCount: 1, nodes: [{ year: null, missingFields: ['education'], missingTitles: ['学历'], teacher: { name: '乙老师' } }] });
  });

  it('answers a page with the same number of statements in each service for 1 teacher as for 6', async () => {
    const cost = async (first: number) => {
      const before = p.statements();
      const r = await clerk(CHECK(YEAR, first));
      expect(r.errors).toBeUndefined();
      expect(r.data.teacherCompleteness.nodes).toHaveLength(first);
      const after = p.statements();
      return Object.fromEntries(Object.keys(after).map((s) => [s, after[s] - before[s]]));
    };
    const one = await cost(1);
    const six = await cost(6);
    expect(six).toEqual(one);
    // each owning service answers the whole page with one statement
    expect(six.compensation).toBe(1);
    expect(six.governance).toBe(1);
    console.log(`completeness page statements on ${kind}: 1 teacher ${JSON.stringify(one)}, 6 teachers ${JSON.stringify(six)}`);
  });

  it('keeps a SCHOOL_ADMIN to its school and refuses TEACHER and ANALYST', async () => {
    expect((await clerk(CHECK(YEAR, 5, s2))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bureau = await p.admin(CHECK(YEAR, 50, s2));
    expect(bureau.errors).toBeUndefined();
    expect(bureau.data.teacherCompleteness.nodes.map((n: Node) => [n.teacher.name, titles(n)])).toEqual([['庚老师', ['工资记录', '师德考核', '年度考核']]]);
    for (const principal of [
      { subject: 'teacher-1', role: 'TEACHER' as const, teacherId: ids['甲老师'], schoolId: s1 },
      { subject: 'analyst-1', role: 'ANALYST' as const },
    ]) {
      expect((await p.as(principal)(CHECK(YEAR, 5))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const own = await p.as(principal)(`{ teacher(id: "${ids['甲老师']}") { governanceMissingRecords(year: ${YEAR}) { kind } } }`);
      expect(own.data?.teacher?.governanceMissingRecords ?? null).toBeNull();
    }
  });
});
