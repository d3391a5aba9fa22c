import { scrapeMetrics } from '@tw/kernel';
import { testDatabaseKinds } from '@tw/kernel/testing';
import { PersonnelTestServer, schoolRow, startPersonnelForTest, teacherRow, UPSERT_SCHOOLS } from './harness';

const UPSERT = `mutation($rows: [TeacherInput!]!, $options: BulkOptions) {
  upsertTeachers(rows: $rows, options: $options) { created updated unchanged rejected submitted written dryRun submission { id status rows } rows { index key status id code message field } }
}`;
const SUBMISSION = `query($id: ID!) { personnelSubmission(id: $id) {
  id kind kindTitle schoolId status statusLabel rowCount pendingRows approvedRows transfers asOf reason returnReason replacesId
  rows(first: 50) { nodes { position key op status message recordId before after changes { field before after } } endCursor }
  history { action rows note actorRole }
} }`;
const APPROVE = `mutation($id: ID!, $rows: [Int!]) { approvePersonnelSubmission(id: $id, rows: $rows) { id status pendingRows approvedRows rows(first: 50) { nodes { position status message } } } }`;
const RETURN = `mutation($id: ID!, $reason: String!, $rows: [Int!]) { returnPersonnelSubmission(id: $id, reason: $reason, rows: $rows) { id status statusLabel returnReason pendingRows } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPersonnelSubmission(id: $id) { id status statusLabel pendingRows } }`;

describe.each(testDatabaseKinds())('personnel review of school submissions on %s', (kind) => {
  let s: PersonnelTestServer;
  let own: string;
  let other: string;
  let clerk: ReturnType<PersonnelTestServer['as']>;
  let otherClerk: ReturnType<PersonnelTestServer['as']>;

  beforeAll(async () => {
    s = await startPersonnelForTest(kind);
    const r = await s.admin(UPSERT_SCHOOLS, { rows: [schoolRow(1), schoolRow(2)] });
    [own, other] = r.data.upsertSchools.rows.map((x: { id: string }) => x.id);
    clerk = s.as({ subject: 'clerk-1', role: 'SCHOOL_ADMIN', schoolId: own });
    otherClerk = s.as({ subject: 'clerk-2', role: 'SCHOOL_ADMIN', schoolId: other });
  });
  afterAll(() => s.stop());

  const teacher = async (n: string) => (await s.admin(`{ teacherByIdNumber(idNumber: "${n}") { id name status school { id } } }`)).data.teacherByIdNumber;
  const count = async () => (await s.admin('{ teachers(first: 1) { totalCount } }')).data.teachers.totalCount as number;
  const report = async () => (await s.admin('{ districtReport(year: 2026) { teacherCount } }')).data.districtReport;

  it('holds a school admin\'s new teachers as a pending submission that changes no data and no figure, and the bureau approves them with the submission\'s valid time', async () => {
    const before = { teachers: await count(), report: await report() };
    const rows = [teacherRow(1, '4101020001'), teacherRow(2, '4101020001')];
    const dry = await clerk(UPSERT, { rows, options: { dryRun: true } });
    expect(dry.data.upsertTeachers).toMatchObject({ submitted: 2, created: 0, written: false, submission: null });
    const sent = await clerk(UPSERT, { rows, options: { asOf: '2026-09-01', reason: '新学期新进教师' } });
    expect(sent.errors).toBeUndefined();
    const r = sent.data.upsertTeachers;
    expect(r).toMatchObject({ submitted: 2, created: 0, written: false, submission: { status: 'PENDING', rows: 2 } });
    expect(r.rows.map((x: { status: string; id: string | null; code: string }) => [x.status, x.id, x.code])).toEqual([
      ['SUBMITTED', null, 'SUBMITTED'],
      ['SUBMITTED', null, 'SUBMITTED'],
    ]);
    expect(await count()).toBe(before.teachers);
    expect(await report()).toEqual(before.report);
    expect(await teacher(rows[0].idNumber as string)).toBeNull();

    const id = r.submission.id as string;
    const seen = (await clerk(SUBMISSION, { id })).data.personnelSubmission;
    expect(seen).toMatchObject({ kind: 'teachers', kindTitle: '教师基本信息', schoolId: own, status: 'PENDING', statusLabel: '待审核', rowCount: 2, pendingRows: 2, asOf: '2026-09-01', reason: '新学期新进教师', transfers: null });
    expect(seen.rows.nodes[0]).toMatchObject({ position: 0, op: 'CREATE', status: 'PENDING', before: null });
    expect(seen.rows.nodes[0].changes).toEqual(expect.arrayContaining([{ field: 'name', before: null, after: '"教师1"' }]));
    expect(seen.history).toEqual([{ action: 'SUBMITTED', rows: 2, note: '新学期新进教师', actorRole: 'SCHOOL_ADMIN' }]);
    // the school cannot approve its own submission
    expect((await clerk(APPROVE, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const approved = await s.admin(APPROVE, { id });
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approvePersonnelSubmission).toMatchObject({ status: 'APPROVED', pendingRows: 0, approvedRows: 2 });
    expect(await count()).toBe(before.teachers + 2);
    const written = await teacher(rows[0].idNumber as string);
    expect(written).toMatchObject({ name: '教师1', school: { id: own } });
    // written through runBulk: audited and versioned, valid from the submission's asOf (the row's own 进本校年月 where it has one)
    const audit = await s.admin(`{ personnelAuditLog(filter: { entity: "teacher", entityId: "${written.id}" }) { nodes { actorRole } } }`);
    expect(audit.data.personnelAuditLog.nodes).toEqual([{ actorRole: 'DISTRICT_ADMIN' }]);
    const history = (await s.admin(SUBMISSION, { id })).data.personnelSubmission.history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['SUBMITTED', 'APPROVED']);
    expect((await s.admin(APPROVE, { id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUBMISSION_NOT_PENDING' });
  });

  it('writes a school admin\'s change of a live field at once, and holds a change of name or 人员状态', async () => {
    const row = teacherRow(1, '4101020001');
    const live = await clerk(UPSERT, { rows: [{ ...row, teachingSubject: '数学', professionalTitle: 'SENIOR' }] });
    expect(live.data.upsertTeachers).toMatchObject({ updated: 1, submitted: 0, written: true, submission: null });
    const held = await clerk(UPSERT, { rows: [{ ...row, teachingSubject: '数学', professionalTitle: 'SENIOR', name: '改名' }, { ...teacherRow(2, '4101020001'), status: 'NOT_AT_POST', statusCode: '201', statusDetail: '病休' }] });
    expect(held.data.upsertTeachers).toMatchObject({ updated: 0, submitted: 2, written: false });
    expect((await teacher(row.idNumber as string)).name).toBe('教师1');
    const sub = (await s.admin(SUBMISSION, { id: held.data.upsertTeachers.submission.id })).data.personnelSubmission;
    expect(sub.rows.nodes[1].changes.map((c: { field: string }) => c.field).sort()).toEqual(['status', 'statusCode', 'statusDetail']);
    expect(sub.rows.nodes[0]).toMatchObject({ op: 'UPDATE' });
    expect(sub.rows.nodes[0].changes).toEqual([{ field: 'name', before: '"教师1"', after: '"改名"' }]);
    // sent without asOf, the rows take effect on the day they were sent (not the day the bureau approves them)
    expect(sub.asOf).toMatch(/^\d{4}-\d\d-\d\d$/);
    // approved, the change is valid from the submission's asOf, recorded by the bureau
    expect((await s.admin(APPROVE, { id: sub.id })).data.approvePersonnelSubmission.status).toBe('APPROVED');
    const t = await teacher(row.idNumber as string);
    expect(t.name).toBe('改名');
    const versions = (await s.ds.query('SELECT valid_from, actor_role, reason FROM teacher_version WHERE record_id = ? AND name = ?', [t.id, '改名'])) as Array<{ valid_from: unknown; actor_role: string; reason: string }>;
    expect(versions.map((v) => [String(v.valid_from instanceof Date ? v.valid_from.toISOString() : v.valid_from).slice(0, 10), v.actor_role, v.reason])).toEqual([[sub.asOf, 'DISTRICT_ADMIN', `审核通过报送单 ${sub.id}`]]);
  });

  it('approves some rows, returns the rest with a reason; a conflict between submission and approval is not written', async () => {
    const rows = [teacherRow(11, '4101020001'), teacherRow(12, '4101020001'), { ...teacherRow(1, '4101020001'), teachingSubject: '数学', professionalTitle: 'SENIOR', name: '再改名' }];
    const id = (await clerk(UPSERT, { rows })).data.upsertTeachers.submission.id as string;
    // the bureau changes teacher 1 in between
    await s.admin(UPSERT, { rows: [{ ...teacherRow(1, '4101020001'), teachingSubject: '数学', professionalTitle: 'SENIOR', name: '局改名' }] });
    const some = await s.admin(APPROVE, { id, rows: [0, 2] });
    expect(some.errors).toBeUndefined();
    const answer = some.data.approvePersonnelSubmission;
    expect(answer).toMatchObject({ status: 'PENDING', approvedRows: 1, pendingRows: 2 });
    expect(answer.rows.nodes.map((r: { status: string }) => r.status)).toEqual(['APPROVED', 'PENDING', 'CONFLICT']);
    expect(answer.rows.nodes[2].message).toContain('报送之后已被修改');
    expect((await teacher(rows[2].idNumber as string)).name).toBe('局改名');
    expect(await teacher(rows[0].idNumber as string)).not.toBeNull();
    expect(await teacher(rows[1].idNumber as string)).toBeNull();

    expect((await s.admin(RETURN, { id, reason: '  ' })).errors?.[0].extensions?.reason).toBe('RETURN_REASON_REQUIRED');
    const returned = await s.admin(RETURN, { id, reason: '第2行身份证号与学籍不符，请核对后重新报送' });
    expect(returned.data.returnPersonnelSubmission).toMatchObject({ status: 'RETURNED', statusLabel: '已退回', returnReason: '第2行身份证号与学籍不符，请核对后重新报送', pendingRows: 0 });
    expect(await teacher(rows[1].idNumber as string)).toBeNull();
    // the school reads the reason, and sends a corrected submission naming the returned one
    const mine = (await clerk(SUBMISSION, { id })).data.personnelSubmission;
    expect(mine.rows.nodes.map((r: { status: string }) => r.status)).toEqual(['APPROVED', 'RETURNED', 'RETURNED']);
    const again = await clerk(UPSERT, { rows: [teacherRow(12, '4101020001', { name: '更正后' })], options: { replaces: id } });
    expect(again.data.upsertTeachers.submission).toMatchObject({ status: 'PENDING', rows: 1 });
    const corrected = (await clerk(SUBMISSION, { id: again.data.upsertTeachers.submission.id })).data.personnelSubmission;
    expect(corrected.replacesId).toBe(id);
    await s.admin(APPROVE, { id: corrected.id });
    expect((await teacher(rows[1].idNumber as string)).name).toBe('更正后');
  });

  it('lets the school withdraw a pending submission, whose rows are never written; a corrected one replaces a pending one', async () => {
    const a = (await clerk(UPSERT, { rows: [teacherRow(21, '4101020001')] })).data.upsertTeachers.submission.id as string;
    const b = (await clerk(UPSERT, { rows: [teacherRow(21, '4101020001', { name: '新名字' })], options: { replaces: a } })).data.upsertTeachers.submission.id as string;
    expect((await clerk(SUBMISSION, { id: a })).data.personnelSubmission).toMatchObject({ status: 'WITHDRAWN', statusLabel: '已撤回' });
    expect((await clerk(SUBMISSION, { id: a })).data.personnelSubmission.history.map((h: { action: string }) => h.action)).toEqual(['SUBMITTED', 'REPLACED']);
    const w = await clerk(WITHDRAW, { id: b });
    expect(w.data.withdrawPersonnelSubmission).toMatchObject({ status: 'WITHDRAWN', pendingRows: 0 });
    expect((await s.admin(APPROVE, { id: b })).errors?.[0].extensions?.reason).toBe('SUBMISSION_NOT_PENDING');
    expect(await teacher(teacherRow(21, 'x').idNumber as string)).toBeNull();
  });

  it('answers a school registering another school\'s teacher exactly as for a new teacher; the bureau sees a transfer; schools never see each other\'s submissions', async () => {
    await s.admin(UPSERT, { rows: [teacherRow(31, '4101020002', { name: '刘梓萍' })] });
    const taken = teacherRow(31, '4101020001', { name: '刘梓萍' });
    const fresh = teacherRow(32, '4101020001', { name: '刘梓萍' });
    for (const options of [{ dryRun: true }, {}]) {
      const [a, b] = [await clerk(UPSERT, { rows: [taken], options }), await clerk(UPSERT, { rows: [fresh], options })];
      const strip = (x: typeof a) => JSON.parse(JSON.stringify(x.data).replaceAll(taken.idNumber as string, 'N').replaceAll(fresh.idNumber as string, 'N').replace(/"id":"[^"]+"/g, '"id":"S"'));
      expect(a.errors).toBeUndefined();
      expect(strip(a)).toEqual(strip(b));
      expect(a.data.upsertTeachers.rows[0].status).toBe('SUBMITTED');
      if (!options.dryRun) {
        const [sa, sb] = [a.data.upsertTeachers.submission.id, b.data.upsertTeachers.submission.id];
        const mine = [(await clerk(SUBMISSION, { id: sa })).data.personnelSubmission as Sub, (await clerk(SUBMISSION, { id: sb })).data.personnelSubmission as Sub];
        type Sub = { id: string; rows: { nodes: Array<{ key: string; after: string; changes: Array<{ field: string }> } & Record<string, unknown>> } } & Record<string, unknown>;
        const view = (x: Sub) => ({
          ...x,
          id: 'S',
          rows: { ...x.rows, nodes: x.rows.nodes.map((n) => ({ ...n, key: 'K', after: Object.keys(JSON.parse(n.after)).sort(), changes: n.changes.map((c) => c.field).sort() })) },
        });
        expect(view(mine[0])).toEqual(view(mine[1]));
        expect(JSON.stringify(mine[0])).not.toMatch(/测试第2小学|4101020002/);
        expect(mine[0].rows.nodes[0]).toMatchObject({ op: 'CREATE', before: null, recordId: null });
        const bureau = (await s.admin(SUBMISSION, { id: sa })).data.personnelSubmission;
        expect(bureau).toMatchObject({ transfers: 1 });
        expect(bureau.rows.nodes[0]).toMatchObject({ op: 'TRANSFER' });
        expect(bureau.rows.nodes[0].changes).toEqual(expect.arrayContaining([{ field: 'schoolId', before: JSON.stringify(other), after: JSON.stringify(own) }]));
        // the other school sees neither submission, as if there were none
        expect((await otherClerk(SUBMISSION, { id: sa })).data.personnelSubmission).toBeNull();
        const list = await otherClerk('{ personnelSubmissions(first: 50) { totalCount nodes { id } } }');
        expect(list.data.personnelSubmissions.nodes.map((n: { id: string }) => n.id)).not.toContain(sa);
        expect((await otherClerk(`{ personnelSubmissions(filter: { schoolId: "${own}" }) { totalCount } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect((await otherClerk(WITHDRAW, { id: sa })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
        // approving the transfer moves the teacher
        await s.admin(APPROVE, { id: sa });
        expect((await teacher(taken.idNumber as string)).school.id).toBe(own);
      }
    }
  });

  it('holds a school admin\'s rotation and hire until approved', async () => {
    const t = await teacher(teacherRow(11, 'x').idNumber as string);
    const ROTATE = `mutation($rows: [RotationInput!]!) { r: upsertRotations(rows: $rows) { submitted written submission { id } rows { status } } }`;
    const HIRE = `mutation($rows: [HireInput!]!) { r: upsertHires(rows: $rows) { submitted written submission { id } rows { status } } }`;
    const rotation = await clerk(ROTATE, { rows: [{ teacherId: t.id, type: '城乡交流', personnelRelationMoved: false, startMonth: '2026-09', fromSchoolName: '测试第1小学', toSchoolName: '测试第2小学' }] });
    expect(rotation.errors).toBeUndefined();
    expect(rotation.data.r).toMatchObject({ submitted: 1, written: false, rows: [{ status: 'SUBMITTED' }] });
    const hire = await clerk(HIRE, { rows: [{ teacherId: t.id, year: 2026, channel: 'CAMPUS' }] });
    expect(hire.data.r).toMatchObject({ submitted: 1, written: false });
    const rotations = async () => (await s.admin(`{ teacher(id: "${t.id}") { rotations { startMonth } hires { year } } }`)).data.teacher;
    expect(await rotations()).toEqual({ rotations: [], hires: [] });
    for (const id of [rotation.data.r.submission.id, hire.data.r.submission.id]) expect((await s.admin(APPROVE, { id })).data.approvePersonnelSubmission.status).toBe('APPROVED');
    expect(await rotations()).toEqual({ rotations: [{ startMonth: '2026-09' }], hires: [{ year: 2026 }] });
  });

  it('answers a school\'s completeness check (完整性检测): its serving teachers lacking fields the bureau requires', async () => {
    const complete = { staffNo: 'T0901', postCategory: 'TEACHING', teachingStage: '小学' };
    await s.admin(UPSERT, { rows: [teacherRow(901, '4101020001', complete), teacherRow(902, '4101020001', { ...complete, education: null }), teacherRow(903, '4101020002')] });
    const q = '{ teacherCompleteness(first: 500) { totalCount nodes { teacher { name school { id } } missingFields missingTitles } } }';
    const mine = (await clerk(q)).data.teacherCompleteness;
    expect(mine.nodes.every((n: { teacher: { school: { id: string } } }) => n.teacher.school.id === own)).toBe(true);
    const byName = Object.fromEntries(mine.nodes.map((n: { teacher: { name: string }; missingTitles: string[] }) => [n.teacher.name, n.missingTitles]));
    expect(byName['教师901']).toBeUndefined();
    expect(byName['教师902']).toEqual(['学历']);
    expect(byName['教师903']).toBeUndefined();
    expect((await s.admin(q)).data.teacherCompleteness.nodes.some((n: { teacher: { name: string } }) => n.teacher.name === '教师903')).toBe(true);
    expect((await clerk(`{ teacherCompleteness(schoolId: "${other}") { totalCount } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists pending submissions for the bureau by school, kind and age with a constant number of statements, and counts them per school and kind', async () => {
    const list = (n: number) =>
      s.admin(`{ personnelSubmissions(first: ${n}, filter: { status: PENDING, kind: "teachers" }) { totalCount nodes { id schoolId kind kindTitle status statusLabel ageDays rowCount pendingRows transfers submittedAt history { action at } rows(first: 3) { nodes { op key changes { field } } } } } }`);
    for (let i = 0; i < 6; i++) await clerk(UPSERT, { rows: [teacherRow(100 + i, '4101020001')] });
    const one = await list(1);
    const six = await list(6);
    expect(six.errors).toBeUndefined();
    expect(six.data.personnelSubmissions.nodes.length).toBeGreaterThanOrEqual(6);
    expect(six.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    const aged = await s.admin(`{ personnelSubmissions(filter: { olderThanDays: 1 }) { totalCount } school: personnelSubmissions(filter: { schoolId: "${other}" }) { totalCount } }`);
    expect(aged.data).toEqual({ personnelSubmissions: { totalCount: 0 }, school: { totalCount: 0 } });
    const counts = await s.admin('{ personnelPendingSubmissions { schoolId kind kindTitle submissions rows oldestAgeDays } }');
    expect(counts.data.personnelPendingSubmissions).toEqual([{ schoolId: own, kind: 'teachers', kindTitle: '教师基本信息', submissions: six.data.personnelSubmissions.totalCount, rows: expect.any(Number), oldestAgeDays: 0 }]);
    expect((await otherClerk('{ personnelPendingSubmissions { schoolId } }')).data.personnelPendingSubmissions).toEqual([]);
    // the dashboards' gauge: this service's pending submissions by kind, read at each scrape
    const { body } = await scrapeMetrics();
    expect(body).toContain(`tw_pending_submissions{service="personnel",kind="teachers"} ${six.data.personnelSubmissions.totalCount}`);
    expect(body).toContain('tw_pending_submissions{service="personnel",kind="hires"} 0');
    const policy = await clerk('{ reviewPolicy { kind mode heldFields } }');
    expect(policy.data.reviewPolicy).toEqual(expect.arrayContaining([{ kind: 'teachers', mode: 'FIELDS', heldFields: expect.arrayContaining(['姓名', '身份证件号', '是否在编', '人员状态']) }, { kind: 'violations', mode: 'HELD', heldFields: [] }]));
  });
});
