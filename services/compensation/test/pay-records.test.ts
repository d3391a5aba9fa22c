import { testDatabaseKinds } from '@tw/kernel/testing';
import { CompensationTestServer, LAST_YEAR, payRow, startCompensationForTest, teacherEntry, TEACHER_ENTITIES, teacherRep, THIS_YEAR, UPSERT_PAY } from './harness';

const A = 'school-a';
const B = 'school-b';
const teachers = [
  teacherEntry('t-a1', A, { name: '张三' }),
  teacherEntry('t-a2', A),
  teacherEntry('t-a3', A, { status: 'RETIRED' }),
  teacherEntry('t-b1', B, { sponsor: 'PRIVATE' }),
];

describe.each(testDatabaseKinds())('pay records on %s', (kind) => {
  let s: CompensationTestServer;
  beforeAll(async () => {
    s = await startCompensationForTest(kind, teachers, []);
  });
  afterAll(() => s.stop());

  const payOf = async (id: string, school: string, year = LAST_YEAR) => {
    const r = await s.admin(TEACHER_ENTITIES(`pay(year: ${year}) { annualIncome basicMonthly performanceMonthly monthlyTotal schoolPublic teacherServing recordedSchool { id } }`), {
      r: [teacherRep(id, school)],
    });
    expect(r.errors).toBeUndefined();
    return r.data._entities[0].pay;
  };

  it('refuses a row whose monthly components × 12 exceed the annual income, with the numbers in the message', async () => {
    const r = await s.admin(UPSERT_PAY, {
      rows: [payRow('t-a1', LAST_YEAR, '90000.00', { basicMonthly: '3000.00', performanceMonthly: '4000.00', ruralSubsidyMonthly: '500.50', otherMonthly: '0.01' })],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.r).toMatchObject({ rejected: 1, written: false });
    expect(r.data.r.rows[0]).toMatchObject({
      status: 'REJECTED',
      code: 'COMPONENTS_EXCEED_ANNUAL',
      field: 'annualIncome',
      message: '月工资各项合计 7500.51 元 × 12 = 90006.12 元，超过年工资收入 90000.00 元',
    });
    // exactly 12 × the components is allowed
    const ok = await s.admin(UPSERT_PAY, { rows: [payRow('t-a1', LAST_YEAR, '90006.12', { basicMonthly: '3000.00', performanceMonthly: '4000.00', ruralSubsidyMonthly: '500.50', otherMonthly: '0.01' })] });
    expect(ok.data.r).toMatchObject({ created: 1, written: true });
    expect(await payOf('t-a1', A)).toEqual({
      annualIncome: '90006.12',
      basicMonthly: '3000.00',
      performanceMonthly: '4000.00',
      monthlyTotal: '7500.51',
      schoolPublic: true,
      teacherServing: true,
      recordedSchool: { id: A },
    });
  });

  it('refuses a year that has not finished in UTC+8, and a year before 2000', async () => {
    const r = await s.admin(UPSERT_PAY, { rows: [payRow('t-a2', THIS_YEAR, '80000'), payRow('t-a2', THIS_YEAR + 1, '80000'), payRow('t-a2', 1999, '80000')] });
    expect(r.data.r.rows.map((x: { code: string }) => x.code)).toEqual(['YEAR_NOT_FINISHED', 'YEAR_NOT_FINISHED', 'BAD_YEAR']);
    expect(r.data.r.rows[0].message).toBe(`${THIS_YEAR} 年度未满一年请下年度填报`);
    expect(r.data.r.written).toBe(false);
  });

  it('refuses a teacher personnel does not know, and a name that disagrees; writes nothing unless partial', async () => {
    const rows = [payRow('t-a2', LAST_YEAR, '80000'), payRow('t-nobody', LAST_YEAR, '80000'), payRow('t-a1', LAST_YEAR - 1, '80000', { name: '李四' })];
    const calls = s.directory.calls.length;
    const r = await s.admin(UPSERT_PAY, { rows });
    expect(s.directory.calls.length).toBe(calls + 1);
    expect(s.directory.calls.at(-1)!.sort()).toEqual(['t-a1', 't-a2', 't-nobody']);
    expect(r.data.r).toMatchObject({ created: 1, rejected: 2, written: false });
    expect(r.data.r.rows[1]).toMatchObject({ code: 'TEACHER_NOT_FOUND', field: 'teacherId', message: expect.stringContaining('t-nobody') });
    expect(r.data.r.rows[2]).toMatchObject({ code: 'NAME_MISMATCH', message: '姓名“李四”与教师名册中的“张三”不一致' });
    expect(await payOf('t-a2', A)).toBeNull();

    const partial = await s.admin(UPSERT_PAY, { rows, options: { partial: true } });
    expect(partial.data.r).toMatchObject({ created: 1, rejected: 2, written: true });
    expect((await payOf('t-a2', A)).annualIncome).toBe('80000.00');
  });

  it('reports a dry run without writing, then updates and leaves unchanged rows alone', async () => {
    const dry = await s.admin(UPSERT_PAY, { rows: [payRow('t-a2', LAST_YEAR, '81000.5'), payRow('t-a3', LAST_YEAR, '66000')], options: { dryRun: true } });
    expect(dry.data.r).toMatchObject({ created: 1, updated: 1, dryRun: true, written: false });
    expect((await payOf('t-a2', A)).annualIncome).toBe('80000.00');
    expect(await payOf('t-a3', A)).toBeNull();

    const wet = await s.admin(UPSERT_PAY, { rows: [payRow('t-a2', LAST_YEAR, '81000.5'), payRow('t-a3', LAST_YEAR, '66000')] });
    expect(wet.data.r).toMatchObject({ created: 1, updated: 1, written: true });
    expect((await payOf('t-a2', A)).annualIncome).toBe('81000.50');
    // a retired teacher's record is kept, marked as not serving (so parity leaves it out)
    expect((await payOf('t-a3', A)).teacherServing).toBe(false);

    const again = await s.admin(UPSERT_PAY, { rows: [payRow('t-a2', LAST_YEAR, '81000.50'), payRow('t-a3', LAST_YEAR, 66000)] });
    expect(again.data.r).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: false });
  });

  it('records the school as personnel holds it at write time, public or not', async () => {
    const r = await s.admin(UPSERT_PAY, { rows: [payRow('t-b1', LAST_YEAR, '70000')] });
    expect(r.data.r.created).toBe(1);
    expect(await payOf('t-b1', B)).toMatchObject({ schoolPublic: false, recordedSchool: { id: B } });
  });

  it('refuses negative and absurd amounts, and money with more than two decimals', async () => {
    const r = await s.admin(UPSERT_PAY, {
      rows: [payRow('t-a1', LAST_YEAR - 2, '0'), payRow('t-a1', LAST_YEAR - 3, '80000', { otherMonthly: '-1' }), payRow('t-a1', LAST_YEAR - 4, '100000000')],
    });
    expect(r.data.r.rows.map((x: { code: string; field: string }) => `${x.code}:${x.field}`)).toEqual([
      'BAD_AMOUNT:annualIncome',
      'BAD_AMOUNT:otherMonthly',
      'AMOUNT_TOO_LARGE:annualIncome',
    ]);
    const precise = await s.admin(UPSERT_PAY, { rows: [payRow('t-a1', LAST_YEAR - 2, '80000.001')] });
    expect(precise.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(precise.errors?.[0].message).toContain('"80000.001"');
  });

  it('lets a SCHOOL_ADMIN write only their own teachers, and not ANALYST or TEACHER at all', async () => {
    const clerk = s.schoolAdmin(B);
    const r = await clerk(UPSERT_PAY, { rows: [payRow('t-a1', LAST_YEAR - 5, '80000'), payRow('t-b1', LAST_YEAR - 5, '70000')] });
    expect(r.data.r.rows.map((x: { code: string | null; status: string }) => x.code ?? x.status)).toEqual(['TEACHER_NOT_FOUND', 'SUBMITTED']);
    expect(r.data.r.written).toBe(false);
    for (const who of [s.analyst, s.teacher('t-a1')]) {
      const refused = await who(UPSERT_PAY, { rows: [] });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("keeps a record written by a teacher's former school from being rewritten by the new school", async () => {
    s.directory.byId.set('t-b1', teacherEntry('t-b1', A));
    const clerk = s.schoolAdmin(A);
    const r = await clerk(UPSERT_PAY, { rows: [payRow('t-b1', LAST_YEAR, '72000')] });
    expect(r.data.r.rows[0]).toMatchObject({ code: 'RECORD_OF_OTHER_SCHOOL' });
    // the district corrects it, and the record takes the school personnel holds now
    const fixed = await s.admin(UPSERT_PAY, { rows: [payRow('t-b1', LAST_YEAR, '72000')] });
    expect(fixed.data.r.updated).toBe(1);
    expect(await payOf('t-b1', A)).toMatchObject({ schoolPublic: true, recordedSchool: { id: A } });
    s.directory.byId.set('t-b1', teachers[3]);
  });

  it('refuses more than 1,000 rows a call before asking personnel', async () => {
    const calls = s.directory.calls.length;
    const r = await s.admin(UPSERT_PAY, { rows: Array.from({ length: 1001 }, (_, i) => payRow(`t-${i}`, LAST_YEAR, '1')) });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(s.directory.calls.length).toBe(calls);
  });

  it('asks personnel once for a commit, about the rows its prepare call kept', async () => {
    const PREPARE = 'mutation($rows: [PayRecordInput!]!, $options: BulkOptions) { r: upsertPayRecords(rows: $rows, options: $options) { created written prepared } }';
    const prepared = await s.admin(PREPARE, { rows: [payRow('t-a2', LAST_YEAR - 1, '70000'), payRow('t-a1', LAST_YEAR - 1, '71000')], options: { prepare: true } });
    expect(prepared.data.r).toMatchObject({ created: 2, written: false, prepared: expect.any(String) });
    const calls = s.directory.calls.length;
    const committed = await s.admin(PREPARE, { rows: [], options: { commit: prepared.data.r.prepared } });
    expect(committed.data.r).toMatchObject({ created: 2, written: true });
    expect(s.directory.calls.slice(calls).map((ids) => ids.sort())).toEqual([['t-a1', 't-a2']]);
  });

  it('never confirms the name of a teacher the caller may not write: another school’s teacher is refused alike, whatever 姓名 says', async () => {
    const clerkB = s.schoolAdmin(B);
    const right = await clerkB(UPSERT_PAY, { rows: [payRow('t-a1', LAST_YEAR, '1', { name: '张三' })] });
    const wrong = await clerkB(UPSERT_PAY, { rows: [payRow('t-a1', LAST_YEAR, '1', { name: '李四' })] });
    expect(wrong.data.r.rows[0]).toEqual(right.data.r.rows[0]);
    expect(right.data.r.rows[0]).toMatchObject({ code: 'TEACHER_NOT_FOUND', message: '教师 id“t-a1” 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息' });
    // control: the district, who may write the teacher, is told the name disagrees
    expect((await s.admin(UPSERT_PAY, { rows: [payRow('t-a1', LAST_YEAR, '1', { name: '李四' })] })).data.r.rows[0].code).toBe('NAME_MISMATCH');
  });
});
