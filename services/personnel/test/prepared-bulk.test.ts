import { systemClock } from '@tw/kernel';
import { testDatabaseKinds } from '@tw/kernel/testing';
import { PersonnelTestServer, schoolRow, startPersonnelForTest, teacherRow, UPSERT_SCHOOLS } from './harness';

const UPSERT = `mutation($rows: [TeacherInput!]!, $options: BulkOptions) {
  upsertTeachers(rows: $rows, options: $options) { created updated unchanged rejected written dryRun prepared rows { index key status id code message field } }
}`;
const COUNT = '{ teachers(first: 1) { totalCount } }';
const AUDIT = `query($filter: AuditFilter) { personnelAuditLog(filter: $filter, first: 100) { totalCount nodes { entityId actorSubject before after } } }`;

describe.each(testDatabaseKinds())('prepared bulk rows (prepare, then commit) on %s', (kind) => {
  let s: PersonnelTestServer;
  const school = '4101020001';
  const count = async () => (await s.admin(COUNT)).data.teachers.totalCount as number;
  const kept = async () => Number((await s.ds.query('SELECT COUNT(*) AS n FROM prepared_bulk'))[0].n);
  beforeAll(async () => {
    s = await startPersonnelForTest(kind);
    await s.admin(UPSERT_SCHOOLS, { rows: [schoolRow(1), schoolRow(2)] });
    await s.admin(UPSERT, { rows: [teacherRow(1, school)] });
  });
  afterAll(() => s.stop());

  it('prepares like a dry run, keeping only the rows to write, and commits them without sending them again', async () => {
    const rows = [teacherRow(2, school), teacherRow(1, school), teacherRow(3, school, { name: '新教师三' })];
    const before = await count();
    const prep = await s.admin(UPSERT, { rows, options: { prepare: true } });
    expect(prep.errors).toBeUndefined();
    expect(prep.data.upsertTeachers).toMatchObject({ created: 2, unchanged: 1, rejected: 0, written: false, dryRun: true });
    expect(prep.data.upsertTeachers.prepared).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count()).toBe(before);
    expect(await kept()).toBe(1);

    const done = await s.admin(UPSERT, { rows: [], options: { commit: prep.data.upsertTeachers.prepared } });
    expect(done.errors).toBeUndefined();
    // one answer per kept row, numbered as in the prepare call (row 1 was unchanged, so not kept)
    expect(done.data.upsertTeachers).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 0, written: true, dryRun: false, prepared: null });
    expect(done.data.upsertTeachers.rows.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual([
      [0, 'CREATED'],
      [2, 'CREATED'],
    ]);
    expect(await count()).toBe(before + 2);
    expect(await kept()).toBe(0);
    // audited as the user who committed, like any write
    const id = done.data.upsertTeachers.rows[1].id;
    const log = await s.admin(AUDIT, { filter: { entityId: id } });
    expect(log.data.personnelAuditLog.nodes).toEqual([expect.objectContaining({ actorSubject: 'district-admin', before: null })]);
    expect(JSON.parse(log.data.personnelAuditLog.nodes[0].after).name).toBe('新教师三');
  });

  it('commits once: a second commit of the same rows finds nothing', async () => {
    const prep = await s.admin(UPSERT, { rows: [teacherRow(4, school)], options: { prepare: true } });
    const id = prep.data.upsertTeachers.prepared;
    const [a, b] = await Promise.all([s.admin(UPSERT, { rows: [], options: { commit: id } }), s.admin(UPSERT, { rows: [], options: { commit: id } })]);
    const answers = [a, b];
    expect(answers.filter((r) => r.data?.upsertTeachers?.written)).toHaveLength(1);
    const refused = answers.find((r) => r.errors)!;
    expect(refused.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PREPARED_NOT_FOUND' });
    expect(refused.errors![0].message).toContain('committed already');
  });

  it('plans the kept rows again at commit, against the data as it is then', async () => {
    const row = teacherRow(5, school);
    const prep = await s.admin(UPSERT, { rows: [row], options: { prepare: true } });
    expect(prep.data.upsertTeachers.rows[0].status).toBe('CREATED');
    // someone else creates the same teacher meanwhile
    await s.admin(UPSERT, { rows: [{ ...row, name: '别人先建' }] });
    const before = await count();
    const done = await s.admin(UPSERT, { rows: [], options: { commit: prep.data.upsertTeachers.prepared } });
    expect(done.data.upsertTeachers).toMatchObject({ created: 0, updated: 1, written: true });
    expect(await count()).toBe(before);
    const t = await s.admin('query($f: TeacherFilter) { teachers(filter: $f) { nodes { name } } }', { f: { namePrefix: '教师5' } });
    expect(t.data.teachers.nodes).toEqual([{ name: '教师5' }]);
    expect((await s.admin('query($f: TeacherFilter) { teachers(filter: $f) { totalCount } }', { f: { namePrefix: '别人先建' } })).data.teachers.totalCount).toBe(0);

    // kept for the principal who prepared them: the same user, moved to another school, cannot commit them
    const prep2 = await s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: await schoolId(school) })(UPSERT, { rows: [teacherRow(6, school)], options: { prepare: true } });
    expect(prep2.data.upsertTeachers.prepared).toBeTruthy();
    const moved = await s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: await schoolId('4101020002') })(UPSERT, { rows: [], options: { commit: prep2.data.upsertTeachers.prepared } });
    expect(moved.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps nothing when a row is rejected, and nothing to commit when no row would change', async () => {
    const bad = await s.admin(UPSERT, { rows: [teacherRow(7, school), teacherRow(8, '9999999999')], options: { prepare: true } });
    expect(bad.data.upsertTeachers).toMatchObject({ created: 1, rejected: 1, prepared: null, written: false });
    const same = await s.admin(UPSERT, { rows: [teacherRow(1, school)], options: { prepare: true } });
    expect(same.data.upsertTeachers).toMatchObject({ unchanged: 1, prepared: null });
    // with partial, the valid rows are kept
    const partial = await s.admin(UPSERT, { rows: [teacherRow(7, school), teacherRow(8, '9999999999')], options: { prepare: true, partial: true } });
    expect(partial.data.upsertTeachers.prepared).toBeTruthy();
    const done = await s.admin(UPSERT, { rows: [], options: { commit: partial.data.upsertTeachers.prepared } });
    expect(done.data.upsertTeachers.rows).toEqual([expect.objectContaining({ index: 0, status: 'CREATED' })]);
  });

  it('commits only for the user who prepared, through the same mutation, sending no rows', async () => {
    const prep = await s.admin(UPSERT, { rows: [teacherRow(9, school)], options: { prepare: true } });
    const id = prep.data.upsertTeachers.prepared;
    const other = await s.as({ subject: 'another-admin', role: 'DISTRICT_ADMIN' })(UPSERT, { rows: [], options: { commit: id } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PREPARED_NOT_FOUND' });
    const schools = await s.admin(`mutation($o: BulkOptions) { upsertSchools(rows: [], options: $o) { written } }`, { o: { commit: id } });
    expect(schools.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const withRows = await s.admin(UPSERT, { rows: [teacherRow(10, school)], options: { commit: id } });
    expect(withRows.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('send no rows') });
    const mixed = await s.admin(UPSERT, { rows: [], options: { commit: id, dryRun: true } });
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // none of those used the rows up
    expect((await s.admin(UPSERT, { rows: [], options: { commit: id } })).data.upsertTeachers.created).toBe(1);
  });

  it('lets concurrent prepare calls keep their rows side by side', async () => {
    // an empty table is where a range delete's gap lock covers every insert
    await s.ds.query('DELETE FROM prepared_bulk');
    const calls = await Promise.all(Array.from({ length: 8 }, (_, i) => s.admin(UPSERT, { rows: [teacherRow(100 + i, school)], options: { prepare: true } })));
    expect(calls.map((c) => c.errors?.[0]?.message)).toEqual(new Array(8).fill(undefined));
    expect(new Set(calls.map((c) => c.data.upsertTeachers.prepared)).size).toBe(8);
  });

  it('forgets kept rows after an hour', async () => {
    const prep = await s.admin(UPSERT, { rows: [teacherRow(11, school)], options: { prepare: true } });
    const id = prep.data.upsertTeachers.prepared;
    await s.ds.query('UPDATE prepared_bulk SET expires_at_ms = ? WHERE id = ?', [systemClock.now().getTime() - 1, id]);
    const late = await s.admin(UPSERT, { rows: [], options: { commit: id } });
    expect(late.errors?.[0].message).toContain('expired');
    // the next prepare call clears expired rows out
    await s.admin(UPSERT, { rows: [teacherRow(12, school)], options: { prepare: true } });
    expect(Number((await s.ds.query('SELECT COUNT(*) AS n FROM prepared_bulk WHERE id = ?', [id]))[0].n)).toBe(0);
  });

  async function schoolId(code: string): Promise<string> {
    const r = await s.admin('query($c: [String!]) { schools(filter: { codes: $c }) { nodes { id } } }', { c: [code] });
    return r.data.schools.nodes[0].id;
  }
});
