import { DataSource } from 'typeorm';
import {
  BulkPlan,
  CreatePreparedBulk1764800000000,
  isRejection,
  MAX_BULK_ROWS,
  openDatabase,
  PersonnelAnswer,
  Principal,
  RowStatus,
  runRemoteBulk,
  SchoolDirectory,
  SchoolDirectoryEntry,
  statementCounter,
  TeacherDirectory,
  TeacherDirectoryEntry,
} from '@tw/kernel';
import { createTestDatabase, TestDatabase, testClock, testDatabaseKinds } from '@tw/kernel/testing';

interface Row {
  readonly teacherId?: string | null;
  readonly otherTeacherId?: string | null;
  readonly schoolId?: string | null;
}

const ADMIN: Principal = { subject: 'district-admin', role: 'DISTRICT_ADMIN' };
const CLERK_A: Principal = { subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: 'school-a' };

const teacher = (id: string, schoolId = 'school-a'): TeacherDirectoryEntry => ({ id, name: `教师${id}`, status: 'IN_SERVICE', school: { id: schoolId, sponsor: 'PUBLIC' } });

describe.each(testDatabaseKinds())('runRemoteBulk on %s', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  /** what happened, in order: each directory lookup (with its ids) and each plan run */
  let events: string[];
  let teacherLookups: string[][];
  let schoolLookups: string[][];
  let answers: Array<PersonnelAnswer>;

  const teachers = new Map([...Array.from({ length: 2000 }, (_, i) => teacher(`t${i}`)), teacher('t-b', 'school-b')].map((t) => [t.id, t]));
  const schools = new Map<string, SchoolDirectoryEntry>([
    ['school-a', { id: 'school-a', name: '第一小学', sponsor: 'PUBLIC' }],
    ['school-b', { id: 'school-b', name: '第二小学', sponsor: 'PUBLIC' }],
  ]);
  const teacherDirectory: TeacherDirectory = {
    async lookup(ids) {
      events.push('teacher lookup');
      teacherLookups.push([...ids]);
      return new Map(ids.filter((id) => teachers.has(id)).map((id) => [id, teachers.get(id)!]));
    },
  };
  const schoolDirectory: SchoolDirectory = {
    async lookup(ids) {
      events.push('school lookup');
      schoolLookups.push([...ids]);
      return new Map(ids.filter((id) => schools.has(id)).map((id) => [id, schools.get(id)!]));
    },
    count: async () => schools.size,
  };

  /** A plan that answers each row from personnel's answer and writes nothing anywhere. */
  const plan = (name = 'things'): BulkPlan<Row, Row> => ({
    name,
    key: (r) => JSON.stringify([r.teacherId, r.otherTeacherId, r.schoolId]),
    async plan(items, m) {
      events.push(`plan (in a transaction: ${m.queryRunner?.isTransactionActive === true})`);
      const answer = answers[answers.length - 1];
      return items.map(({ row }) => {
        for (const ref of [row.teacherId && answer.teacher(row.teacherId), row.otherTeacherId && answer.teacher(row.otherTeacherId, 'otherTeacherId', '师傅'), row.schoolId && answer.school(row.schoolId)]) {
          if (ref && isRejection(ref)) return ref;
        }
        return { status: RowStatus.CREATED, id: `${row.teacherId ?? row.schoolId}`, write: row };
      });
    },
    write: async () => undefined,
  });

  const call = (principal: Principal | null, rows: readonly Row[], options: { dryRun?: boolean; partial?: boolean; prepare?: boolean; commit?: string | null } = {}, name = 'things') =>
    runRemoteBulk(
      { principal, requestId: 'req', clock: testClock, ds },
      rows,
      { dryRun: false, partial: false, prepare: false, ...options },
      {
        roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
        plan: 'things',
        teachers: { directory: teacherDirectory, ids: (r) => [r.teacherId, r.otherTeacherId] },
        schools: { directory: schoolDirectory, ids: (r) => [r.schoolId] },
      },
      (_, personnel) => {
        answers.push(personnel);
        return plan(name);
      },
    );

  beforeAll(async () => {
    db = await createTestDatabase(kind, 'remote_bulk');
    ds = await openDatabase({ service: 'remote-bulk', url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile, entities: [], migrations: [CreatePreparedBulk1764800000000] });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });
  beforeEach(() => {
    events = [];
    teacherLookups = [];
    schoolLookups = [];
    answers = [];
  });

  it('asks personnel once per directory per call, whatever the rows, before the write transaction opens', async () => {
    const one = await call(ADMIN, [{ teacherId: 't0', schoolId: 'school-a' }]);
    expect(one.created).toBe(1);
    expect(events).toEqual(['teacher lookup', 'school lookup', 'plan (in a transaction: true)']);

    // 1,000 rows naming 2,000 teachers and a school each: still one lookup of each directory, each id once
    events = [];
    teacherLookups = [];
    const rows = Array.from({ length: MAX_BULK_ROWS }, (_, i) => ({ teacherId: `t${i}`, otherTeacherId: `t${1000 + i}`, schoolId: i % 2 ? 'school-a' : 'school-b' }));
    const many = await call(ADMIN, rows);
    expect(many).toMatchObject({ created: MAX_BULK_ROWS, rejected: 0, written: true });
    expect(events).toEqual(['teacher lookup', 'school lookup', 'plan (in a transaction: true)']);
    expect(teacherLookups.map((ids) => ids.length)).toEqual([2000]);
    expect(schoolLookups[schoolLookups.length - 1].sort()).toEqual(['school-a', 'school-b']);
  });

  it('refuses an oversized call, or a caller without the role, before anything is asked of personnel or the database', async () => {
    const counter = statementCounter(ds);
    const before = counter.total;
    await expect(call(ADMIN, Array.from({ length: MAX_BULK_ROWS + 1 }, (_, i) => ({ teacherId: `t${i}` })))).rejects.toThrow(
      `A bulk call takes at most ${MAX_BULK_ROWS} rows; got ${MAX_BULK_ROWS + 1}. Send them in batches.`,
    );
    await expect(call({ subject: 't', role: 'TEACHER', teacherId: 't0' }, [{ teacherId: 't0' }])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(call(null, [{ teacherId: 't0' }])).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(events).toEqual([]);
    expect(counter.total).toBe(before);
  });

  it('asks nothing when the rows name nothing personnel owns', async () => {
    await call(ADMIN, [{ teacherId: null }, { teacherId: '' }]);
    expect(teacherLookups).toEqual([]);
    expect(schoolLookups).toEqual([]);
  });

  it('answers every rejected reference in the same words: unknown, or of another school than a SCHOOL_ADMIN’s', async () => {
    const r = await call(CLERK_A, [{ teacherId: 't1' }, { teacherId: 'nobody' }, { teacherId: 't-b' }, { teacherId: 't2', otherTeacherId: 't-b' }, { schoolId: 'school-b' }, { schoolId: 'nowhere' }], { partial: true });
    expect(r.rows.map((x) => [x.status, x.code ?? null, x.field ?? null, x.message ?? null])).toEqual([
      ['CREATED', null, null, null],
      ['REJECTED', 'TEACHER_NOT_FOUND', 'teacherId', '教师 id“nobody” 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息'],
      ['REJECTED', 'TEACHER_NOT_FOUND', 'teacherId', '教师 id“t-b” 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息'],
      ['REJECTED', 'TEACHER_NOT_FOUND', 'otherTeacherId', '师傅 id“t-b” 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息'],
      ['REJECTED', 'SCHOOL_FORBIDDEN', 'schoolId', '无权写入学校“第二小学”的数据：本账号只能维护本校（school-a）的数据'],
      ['REJECTED', 'SCHOOL_NOT_FOUND', 'schoolId', '学校 id“nowhere”不在学校名册中：请先在人事系统中导入该学校'],
    ]);
    // a message names a teacher only when the caller may write their records
    const answer = answers[answers.length - 1];
    expect([answer.teacherName('t1'), answer.teacherName('t-b'), answer.teacherName('nobody')]).toEqual(['教师t1', 't-b', 'nobody']);

    // the district (and a service acting for it) writes every school's teachers
    const district = await call(ADMIN, [{ teacherId: 't-b' }, { schoolId: 'school-b' }]);
    expect(district).toMatchObject({ created: 2, rejected: 0 });
    const service = await call({ subject: 'service:importer', role: 'SERVICE' }, [{ teacherId: 't-b' }], { dryRun: true });
    expect(service).toMatchObject({ created: 1, rejected: 0 });
  });

  it('looks up, for a commit, the rows its prepare call kept — once, before the transaction', async () => {
    const prepared = await call(ADMIN, [{ teacherId: 't5' }, { teacherId: 't6', schoolId: 'school-b' }], { prepare: true });
    expect(prepared.prepared).toEqual(expect.any(String));
    events = [];
    teacherLookups = [];
    schoolLookups = [];
    const committed = await call(ADMIN, [], { commit: prepared.prepared });
    expect(committed).toMatchObject({ created: 2, written: true });
    expect(events).toEqual(['teacher lookup', 'school lookup', 'plan (in a transaction: true)']);
    expect(teacherLookups).toEqual([['t5', 't6']]);
    expect(schoolLookups).toEqual([['school-b']]);
    // a commit sends no rows
    await expect(call(ADMIN, [{ teacherId: 't5' }], { commit: prepared.prepared })).rejects.toThrow(/send no rows/);
  });

  it('refuses a plan that is not the one the call names (its prepared rows would be another plan’s)', async () => {
    await expect(call(ADMIN, [{ teacherId: 't1' }], {}, 'other-things')).rejects.toThrow('runRemoteBulk: the call names plan things but builds other-things');
  });
});
