import { testDatabaseKinds } from '@tw/kernel/testing';
import { PersonnelTestServer, schoolRow, startPersonnelForTest, teacherRow, UPSERT_SCHOOLS, UPSERT_TEACHERS } from './harness';

describe.each(testDatabaseKinds())('personnel teachers on %s', (kind) => {
  let s: PersonnelTestServer;
  let schoolIds: string[];

  beforeAll(async () => {
    s = await startPersonnelForTest(kind);
    const r = await s.admin(UPSERT_SCHOOLS, { rows: [schoolRow(1), schoolRow(2)] });
    expect(r.errors).toBeUndefined();
    schoolIds = r.data.upsertSchools.rows.map((x: { id: string }) => x.id);
  });
  afterAll(() => s.stop());

  const countTeachers = async () => (await s.admin('{ teachers(first: 1) { totalCount } }')).data.teachers.totalCount as number;

  it('writes nothing when one of 1,000 rows has a bad ID number, names the row, then imports the fixed batch once', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => teacherRow(i + 1, '4101020001'));
    const good = rows[636].idNumber as string;
    const last = good.at(-1) === '0' ? '1' : '0';
    rows[636] = { ...rows[636], idNumber: good.slice(0, 17) + last };

    const bad = await s.admin(UPSERT_TEACHERS, { rows });
    expect(bad.errors).toBeUndefined();
    const result = bad.data.upsertTeachers;
    expect(result).toMatchObject({ rejected: 1, written: false });
    const rejected = result.rows.filter((r: { status: string }) => r.status === 'REJECTED');
    expect(rejected).toEqual([
      expect.objectContaining({ index: 636, code: 'ID_NUMBER_CHECK_DIGIT', field: 'idNumber', message: expect.stringContaining(good.slice(0, 17) + last) }),
    ]);
    expect(rejected[0].message).toContain(`最后一位应为 ${good.at(-1)}`);
    expect(await countTeachers()).toBe(0);

    rows[636] = { ...rows[636], idNumber: good };
    const fixed = await s.admin(UPSERT_TEACHERS, { rows });
    expect(fixed.data.upsertTeachers).toMatchObject({ created: 1000, rejected: 0, written: true });
    expect(await countTeachers()).toBe(1000);

    const again = await s.admin(UPSERT_TEACHERS, { rows });
    expect(again.data.upsertTeachers).toMatchObject({ created: 0, updated: 0, unchanged: 1000, written: false });
    expect(await countTeachers()).toBe(1000);
  });

  it('updates a changed row, and a dry run changes nothing', async () => {
    const row = teacherRow(5, '4101020001', { name: '改名教师', professionalTitle: 'SENIOR' });
    const dry = await s.admin(UPSERT_TEACHERS, { rows: [row], options: { dryRun: true } });
    expect(dry.data.upsertTeachers).toMatchObject({ updated: 1, written: false, dryRun: true });
    const before = await s.admin(`{ teacherByIdNumber(idNumber: "${row.idNumber}") { name professionalTitle } }`);
    expect(before.data.teacherByIdNumber).toEqual({ name: '教师5', professionalTitle: 'FIRST_GRADE' });
    const wet = await s.admin(UPSERT_TEACHERS, { rows: [row] });
    expect(wet.data.upsertTeachers).toMatchObject({ updated: 1, written: true });
    const after = await s.admin(`{ teacherByIdNumber(idNumber: "${row.idNumber.toLowerCase()}") { name professionalTitle } }`);
    expect(after.data.teacherByIdNumber).toEqual({ name: '改名教师', professionalTitle: 'SENIOR' });
  });

  it('writes the valid rows with partial, and rejects each rule with its code', async () => {
    const base = 5000;
    const rows = [
      teacherRow(base + 1, '4101020002'),
      teacherRow(base + 2, '4101020002', { inQuota: false, employmentForm: null }),
      teacherRow(base + 3, '4101020002', { gender: teacherRow(base + 3, 'x').gender === 'MALE' ? 'FEMALE' : 'MALE' }),
      teacherRow(base + 4, '4101020002', { birthDate: '1999-01-01' }),
      teacherRow(base + 5, '9999999999'),
      teacherRow(base + 6, '4101020002', { idNumber: '4.10102199001011E+17' }),
      teacherRow(base + 7, '4101020002', { schoolStartMonth: '1980-01' }),
      teacherRow(base + 1, '4101020002'),
      { ...teacherRow(base + 8, '4101020002'), schoolCode: undefined, schoolName: '测试第1小学' },
    ];
    const r = await s.admin(UPSERT_TEACHERS, { rows, options: { partial: true } });
    const byIndex = r.data.upsertTeachers.rows.map((x: { status: string; code: string | null }) => x.code ?? x.status);
    expect(byIndex).toEqual([
      'CREATED',
      'EMPLOYMENT_FORM_REQUIRED',
      'ID_NUMBER_GENDER_MISMATCH',
      'ID_NUMBER_BIRTH_DATE_MISMATCH',
      'SCHOOL_NOT_FOUND',
      'ID_NUMBER_PRECISION_LOST',
      'SCHOOL_BEFORE_WORK',
      'DUPLICATE_KEY',
      'CREATED',
    ]);
    expect(r.data.upsertTeachers.rows[5].message).toContain('文本');
    expect(r.data.upsertTeachers).toMatchObject({ created: 2, written: true });
  });

  it('masks ID numbers for roles that may not see them, and scopes a SCHOOL_ADMIN to their school', async () => {
    const [own, other] = schoolIds;
    const schoolAdmin = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: own });
    const list = await schoolAdmin('{ teachers(first: 5) { nodes { id idNumber school { id } } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data.teachers.nodes.length).toBeGreaterThan(0);
    for (const t of list.data.teachers.nodes) {
      expect(t.school.id).toBe(own);
      expect(t.idNumber).toMatch(/^\d{17}[\dX]$/);
    }
    const refused = await schoolAdmin(`{ teachers(filter: { schoolId: "${other}" }) { nodes { id } } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const otherTeacher = (await s.admin(`{ teachers(first: 1, filter: { schoolId: "${other}" }) { nodes { id } } }`)).data.teachers.nodes[0].id;
    // another school's teacher answers as no teacher at all (issue 16): null, no error
    const direct = await schoolAdmin(`{ teacher(id: "${otherTeacher}") { name } }`);
    expect(direct.errors).toBeUndefined();
    expect(direct.data).toEqual({ teacher: null });

    const ownTeacher = list.data.teachers.nodes[0].id;
    const self = s.as({ subject: 't', role: 'TEACHER', teacherId: ownTeacher });
    const me = await self(`{ teacher(id: "${ownTeacher}") { idNumber birthDate } teachers { nodes { id } } }`);
    expect(me.data.teacher.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(me.data.teacher.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(me.data.teachers.nodes).toEqual([{ id: ownTeacher }]);

    const analyst = s.as({ subject: 'a', role: 'ANALYST' });
    const a1 = await analyst('{ teachers { nodes { idNumber } } }');
    expect(a1.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(a1.data ?? null)).not.toMatch(/\d{17}/);
    const a2 = await analyst(`{ teacher(id: "${ownTeacher}") { idNumber } }`);
    expect(a2.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const a3 = await analyst(`{ schools { nodes { name teacherCount } } }`);
    expect(a3.errors).toBeUndefined();
  });

  it('answers out-of-scope exactly as unknown: reads, bulk dry runs and writes (issue 16, finding 1)', async () => {
    const [own, other] = schoolIds;
    await s.admin(UPSERT_TEACHERS, { rows: [teacherRow(9101, '4101020002', { name: '刘梓萍' }), teacherRow(9102, '4101020001')] });
    const held = teacherRow(9101, '4101020002').idNumber as string;
    const unknown = teacherRow(9199, '4101020002').idNumber as string;
    const ownNumber = teacherRow(9102, '4101020001').idNumber as string;
    const otherId = (await s.admin(`{ teacherByIdNumber(idNumber: "${held}") { id } }`)).data.teacherByIdNumber.id as string;
    const clerk = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: own });
    const ownTeacher = s.as({ subject: 't', role: 'TEACHER', teacherId: (await s.admin(`{ teacherByIdNumber(idNumber: "${ownNumber}") { id } }`)).data.teacherByIdNumber.id });
    expect(other).toBeDefined();

    // reads: a number or id held by another school and one held by no one answer alike, for each role
    for (const as of [clerk, ownTeacher]) {
      const [a, b] = await Promise.all([as(`{ teacherByIdNumber(idNumber: "${held}") { id } }`), as(`{ teacherByIdNumber(idNumber: "${unknown}") { id } }`)]);
      expect([a.data, a.errors]).toEqual([b.data, b.errors]);
      expect([a.data, a.errors]).toEqual([{ teacherByIdNumber: null }, undefined]);
      const [c, d] = await Promise.all([as(`{ teacher(id: "${otherId}") { id } }`), as('{ teacher(id: "0000-no-such-teacher") { id } }')]);
      expect([c.data, c.errors]).toEqual([d.data, d.errors]);
      const byIds = await as(`{ teachersByIds(ids: ["${otherId}", "0000-no-such-teacher"]) { id } teachersByIdNumber(idNumbers: ["${held}", "${unknown}"]) { id } }`);
      expect(byIds.data).toEqual({ teachersByIds: [null, null], teachersByIdNumber: [null, null] });
    }

    // upsertHires dry runs: the name behind another school's number is never confirmed nor named
    const hire = (idNumber: string, name: string) => ({ idNumber, name, year: 2024, channel: 'CAMPUS' });
    const UPSERT_HIRES = `mutation($rows: [HireInput!]!) { upsertHires(rows: $rows, options: { dryRun: true }) { rows { status code message field } } }`;
    const answers = await Promise.all([hire(held, '刘梓萍'), hire(held, '别人'), hire(unknown, '别人')].map((row) => clerk(UPSERT_HIRES, { rows: [row] })));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const rows = answers.map((a) => a.data.upsertHires.rows[0] as { code: string; message: string; field: string });
    const withoutNumber = rows.map((r) => ({ ...r, message: r.message.replace(/\d{17}[\dX]/, 'N') }));
    expect(withoutNumber[0]).toEqual(withoutNumber[1]);
    expect(withoutNumber[1]).toEqual(withoutNumber[2]);
    expect(rows[0]).toMatchObject({ code: 'TEACHER_NOT_FOUND', field: 'idNumber' });
    expect(JSON.stringify(answers.map((a) => a.data))).not.toContain('刘梓萍');

    // upsertTeachers: registering another school's number answers exactly as a new number does: a pending submission (issue 15)
    const [taken, free] = await Promise.all(
      [teacherRow(9101, '4101020001', { name: '随便' }), teacherRow(9199, '4101020001', { name: '随便' })].map((row) => clerk(UPSERT_TEACHERS, { rows: [row], options: { dryRun: true } })),
    );
    const shown = (a: typeof taken) => JSON.stringify(a.data).replaceAll(held, 'N').replaceAll(unknown, 'N');
    expect(shown(taken)).toBe(shown(free));
    expect(taken.data.upsertTeachers.rows[0]).toMatchObject({ status: 'SUBMITTED', id: null });
    expect(JSON.stringify(taken.data)).not.toMatch(/测试第2小学|刘梓萍|属于/);
  });

  it('finds teachers by a name prefix, with LIKE wildcards taken literally', async () => {
    await s.admin(UPSERT_TEACHERS, { rows: [teacherRow(8001, '4101020001', { name: '王%明' }), teacherRow(8002, '4101020001', { name: '王小明' })] });
    const literal = await s.admin('{ teachers(filter: { namePrefix: "王%" }) { nodes { name } } }');
    expect(literal.data.teachers.nodes).toEqual([{ name: '王%明' }]);
    const both = await s.admin('{ teachers(filter: { namePrefix: "王" }) { totalCount } }');
    expect(both.data.teachers.totalCount).toBe(2);
  });

  it('refuses names with NUL, a right-to-left override or a lone surrogate, and a namePrefix over 100 characters (issue 16, finding 9)', async () => {
    const rows = [teacherRow(9201, '4101020001', { name: '张\u0000三' }), teacherRow(9202, '4101020001', { name: '\u202e三张' }), teacherRow(9203, '4101020001', { name: '张\ud800' })];
    const r = await s.admin(UPSERT_TEACHERS, { rows, options: { dryRun: true } });
    expect(r.errors).toBeUndefined();
    expect(r.data.upsertTeachers.rows.map((x: { code: string; field: string }) => [x.code, x.field])).toEqual([
      ['BAD_CHARACTER', 'name'],
      ['BAD_CHARACTER', 'name'],
      ['BAD_CHARACTER', 'name'],
    ]);
    expect(r.data.upsertTeachers.rows[1].message).toBe('姓名含有不可见的控制字符或文字方向控制符（U+202E），请删除后重新填写');
    const long = await s.admin(`{ teachers(filter: { namePrefix: "${'王'.repeat(60_000)}" }) { totalCount } }`);
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'namePrefix takes at most 100 characters; got 60000' });
    expect((await s.admin(`{ teachers(filter: { namePrefix: "${'王'.repeat(100)}" }) { totalCount } }`)).errors).toBeUndefined();
  });

  it('refuses a SCHOOL_ADMIN writing another school, row by row', async () => {
    const [own] = schoolIds;
    const schoolAdmin = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: own });
    const r = await schoolAdmin(UPSERT_TEACHERS, { rows: [teacherRow(7001, '4101020002'), teacherRow(7002, '4101020001')] });
    expect(r.data.upsertTeachers.rows.map((x: { code: string | null; status: string }) => [x.status, x.code])).toEqual([['REJECTED', 'SCHOOL_FORBIDDEN'], ['SUBMITTED', 'SUBMITTED']]);
    expect(r.data.upsertTeachers.written).toBe(false);
    const schools = await schoolAdmin('mutation { upsertSchools(rows: []) { created } }');
    expect(schools.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses requests that do not come through the gateway, and requests without a token', async () => {
    const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ schools { totalCount } }' }) });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain('gateway');
    const noToken = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-secret': s.keys.gatewaySecret },
      body: JSON.stringify({ query: '{ schools { totalCount } }' }),
    });
    expect(((await noToken.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('makes the same number of SQL statements for a page of 500 teachers with their schools as for 5', async () => {
    const q = (n: number) => `{ teachers(first: ${n}) { nodes { id name idNumber school { name code quota(year: 2025) { approved filled } teacherCount } hires { year } } } }`;
    const small = await s.admin(q(5));
    const large = await s.admin(q(500));
    expect(large.errors).toBeUndefined();
    expect(large.data.teachers.nodes).toHaveLength(500);
    expect(small.extensions?.sqlStatements).toBeGreaterThan(0);
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
  });
});
