import { makeIdNumber, testDatabaseKinds } from '@tw/kernel/testing';
import { Platform, startPlatform } from '../src/platform';
import { REPORT_2025 } from './analytics-district';
import { selection } from './analytics-fields';

// Issue 15 through the gateway: each held kind a school admin sends waits for the bureau, changes no
// figure until approved, and a pending sanction bars no one.

const YEAR = 2025;
const UPSERT = (name: string, input: string) =>
  `mutation($rows: [${input}!]!, $options: BulkOptions) { r: ${name}(rows: $rows, options: $options) { created updated unchanged rejected submitted written submission { id status rows } rows { index status code message } } }`;

function teacherRow(i: number, schoolCode: string, name: string) {
  const birthDate = `198${i}-0${i + 1}-1${i}`;
  return {
    schoolCode,
    name,
    gender: i % 2 ? 'MALE' : 'FEMALE',
    idNumber: makeIdNumber({ birthDate, seq: 60 + i, gender: i % 2 ? 'MALE' : 'FEMALE' }),
    birthDate,
    ethnicity: 'HAN',
    politicalStatus: 'MASSES',
    workStartMonth: `200${i}-09`,
    schoolStartMonth: `200${i}-09`,
    inQuota: true,
    status: 'IN_SERVICE',
  };
}

const PREFIX: Record<string, string> = {
  personnel: 'personnel',
  'professional-development': 'professionalDevelopment',
  compensation: 'compensation',
  governance: 'governance',
};
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

describe.each(testDatabaseKinds())('review of school submissions through the gateway on %s', (kind) => {
  let p: Platform;
  let s1: { id: string; name: string };
  let s2: { id: string; name: string };
  let ids: Record<string, string>;
  let clerk: ReturnType<Platform['as']>;
  let otherClerk: ReturnType<Platform['as']>;
  let negativeListItem: string;

  beforeAll(async () => {
    p = await startPlatform(kind);
    const s = await p.admin(UPSERT('upsertSchools', 'SchoolInput'), {
      rows: [
        { code: '4101027001', name: '中原区审核第一小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
        { code: '4101027002', name: '中原区审核第二小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
      ],
    });
    expect(s.data.r.rejected).toBe(0);
    const t = await p.admin(UPSERT('upsertTeachers', 'TeacherInput'), {
      rows: [teacherRow(1, '4101027001', '甲老师'), teacherRow(2, '4101027001', '乙老师'), teacherRow(3, '4101027001', '丙老师'), teacherRow(4, '4101027002', '丁老师')],
    });
    expect(t.data.r).toMatchObject({ created: 4, rejected: 0 });
    const list = await p.admin('{ schools { nodes { id code name } } teachers { nodes { id name } } negativeListItems { code } }');
    const byCode = Object.fromEntries(list.data.schools.nodes.map((x: { id: string; code: string; name: string }) => [x.code, x]));
    [s1, s2] = [byCode['4101027001'], byCode['4101027002']];
    ids = Object.fromEntries(list.data.teachers.nodes.map((x: { id: string; name: string }) => [x.name, x.id]));
    negativeListItem = list.data.negativeListItems[0].code;
    clerk = p.as({ subject: 'clerk-1', role: 'SCHOOL_ADMIN', schoolId: s1.id });
    otherClerk = p.as({ subject: 'clerk-2', role: 'SCHOOL_ADMIN', schoolId: s2.id });
  });
  afterAll(() => p.stop());

  const report = async () => {
    const r = await p.admin(`{ districtReport(year: ${YEAR}) { ${selection(Object.keys(REPORT_2025))} } }`);
    expect(r.errors).toBeUndefined();
    return r.data.districtReport;
  };
  const vetoed = async (teacher: string) => (await p.admin(`{ teacher(id: "${ids[teacher]}") { eligibility(year: ${YEAR}) { vetoed } } }`)).data.teacher.eligibility.vetoed as boolean;
  const approve = async (service: string, id: string) => {
    const r = await p.admin(`mutation($id: ID!) { r: approve${cap(PREFIX[service])}Submission(id: $id) { status approvedRows pendingRows } }`, { id });
    expect(r.errors).toBeUndefined();
    return r.data.r;
  };

  it('holds every held kind a school admin sends as a pending submission that changes no report figure, until the bureau approves it', async () => {
    const held: Array<[string, string, string, Record<string, unknown>]> = [
      ['personnel', 'upsertTeachers', 'TeacherInput', teacherRow(5, '4101027001', '戊老师')],
      ['personnel', 'upsertHires', 'HireInput', { teacherId: ids['甲老师'], year: YEAR, channel: 'CAMPUS' }],
      ['compensation', 'upsertPayRecords', 'PayRecordInput', { teacherId: ids['甲老师'], year: YEAR, annualIncome: '99999.99' }],
      ['professional-development', 'upsertDesignations', 'DesignationInput', { teacherId: ids['甲老师'], kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: YEAR }],
      ['governance', 'upsertEthicsAssessments', 'EthicsAssessmentInput', { teacherId: ids['丙老师'], year: YEAR, result: 'EXCELLENT' }],
      ['governance', 'upsertAppraisals', 'AppraisalInput', { teacherId: ids['甲老师'], year: YEAR, result: 'EXCELLENT' }],
      ['governance', 'upsertAwards', 'AwardInput', { teacherId: ids['甲老师'], title: '区优秀教师', level: 'COUNTY', awardedOn: `${YEAR}-09-10` }],
    ];
    const before = await report();
    const sent: Array<[string, string]> = [];
    for (const [service, mutation, input, row] of held) {
      const r = await clerk(UPSERT(mutation, input), { rows: [row] });
      expect([mutation, r.errors]).toEqual([mutation, undefined]);
      expect([mutation, r.data.r]).toMatchObject([mutation, { submitted: 1, created: 0, updated: 0, written: false, submission: { status: 'PENDING', rows: 1 } }]);
      sent.push([service, r.data.r.submission.id]);
    }
    expect(await report()).toEqual(before);

    // pending per school and kind, in each service; the other school sees none of it
    const counts = await p.admin('{ personnelPendingSubmissions { schoolId kind submissions } compensationPendingSubmissions { schoolId kind submissions } professionalDevelopmentPendingSubmissions { kind } governancePendingSubmissions { kind } }');
    expect(counts.data.compensationPendingSubmissions).toEqual(expect.arrayContaining([{ schoolId: s1.id, kind: 'pay-records', submissions: 1 }]));
    expect(counts.data.governancePendingSubmissions.map((c: { kind: string }) => c.kind).sort()).toEqual(['appraisals', 'awards', 'ethics-assessments']);
    const theirs = await otherClerk('{ personnelSubmissions { totalCount } compensationSubmissions { totalCount } professionalDevelopmentSubmissions { totalCount } governanceSubmissions { totalCount } }');
    expect(theirs.data).toEqual({ personnelSubmissions: { totalCount: 0 }, compensationSubmissions: { totalCount: 0 }, professionalDevelopmentSubmissions: { totalCount: 0 }, governanceSubmissions: { totalCount: 0 } });
    const one = sent.find(([s]) => s === 'compensation')![1];
    expect((await otherClerk(`{ compensationSubmission(id: "${one}") { id } }`)).data.compensationSubmission).toBeNull();

    for (const [service, id] of sent) expect([service, await approve(service, id)]).toEqual([service, { status: 'APPROVED', approvedRows: 1, pendingRows: 0 }]);
    const after = await report();
    expect(after).not.toEqual(before);
    expect(after.teacherCount).toBe(before.teacherCount + 1);
  });

  it('bars no one with a pending sanction, which the bureau sees as pending; approved, it vetoes', async () => {
    const sanction = { teacherId: ids['乙老师'], occurredOn: `${YEAR}-05-05`, negativeListItem, description: '违规有偿补课', sanction: 'WARNING' };
    const r = await clerk(UPSERT('upsertViolations', 'ViolationInput'), { rows: [sanction] });
    expect(r.data.r).toMatchObject({ submitted: 1, written: false });
    expect(await vetoed('乙老师')).toBe(false);
    const designation = { teacherId: ids['乙老师'], kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: YEAR };
    const dry = await p.admin(UPSERT('upsertDesignations', 'DesignationInput'), { rows: [designation], options: { dryRun: true } });
    expect(dry.data.r.rows[0]).toMatchObject({ status: 'CREATED' });
    const pending = await p.admin(`{ governanceSubmissions(filter: { kind: "violations", teacherId: "${ids['乙老师']}", status: PENDING }) { nodes { id kindTitle statusLabel rows { nodes { op after } } } } }`);
    expect(pending.data.governanceSubmissions.nodes).toEqual([expect.objectContaining({ id: r.data.r.submission.id, kindTitle: '师德违规处分', statusLabel: '待审核' })]);
    await approve('governance', r.data.r.submission.id);
    expect(await vetoed('乙老师')).toBe(true);
    const refused = await p.admin(UPSERT('upsertDesignations', 'DesignationInput'), { rows: [designation], options: { dryRun: true } });
    expect(refused.data.r.rows[0]).toMatchObject({ status: 'REJECTED', code: 'ETHICS_VETO' });
  });

  it('goes live at once for what the policy does not hold (a training record), and for the bureau', async () => {
    const training = { teacherId: ids['丙老师'], year: YEAR, level: 'COUNTY', projectName: '审核流程培训', mode: 'ONLINE', hours: 8 };
    const r = await clerk(UPSERT('upsertTrainings', 'TrainingInput'), { rows: [training] });
    expect(r.data.r).toMatchObject({ created: 1, submitted: 0, written: true, submission: null });
    const a = await p.admin(UPSERT('upsertAppraisals', 'AppraisalInput'), { rows: [{ teacherId: ids['丙老师'], year: YEAR, result: 'COMPETENT' }] });
    expect(a.data.r).toMatchObject({ created: 1, submitted: 0, written: true, submission: null });
  });
});
