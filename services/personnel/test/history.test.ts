import { fixedClock } from '@tw/kernel';
import { makeIdNumber, testDatabaseKinds } from '@tw/kernel/testing';
import { PersonnelTestServer, schoolRow, startPersonnelForTest, teacherRow, UPSERT_SCHOOLS, UPSERT_TEACHERS } from './harness';

const A = '4101020001';
const B = '4101020002';

const REPORT = (year: number) => `{ districtReport(year: ${year}) { teacherCount publicTeacherCount partyMemberTeacherCount quotaFilled } }`;
const COMPARISON = (year: number) => `{ schoolComparison(year: ${year}, orderBy: TEACHER_COUNT, direction: DESC, first: 10) {
  nodes { school { code } teacherCount partyMemberTeacherCount quotaFilled } } }`;
const SCHOOL_REPORT = (id: string, year: number) => `{ school(id: "${id}") { report(year: ${year}) { teacherCount partyMemberTeacherCount } } }`;
const TEACHER_AS_OF = `query($id: ID!, $asOf: LocalDate) { teacher(id: $id, asOf: $asOf) { name status politicalStatus school { code } } }`;

interface Version {
  op: string;
  valid_from: string;
  valid_to: string | null;
  superseded_at: unknown;
  status: string;
  school_id: string;
  reason: string | null;
  actor_subject: string;
  request_id: string | null;
}

/**
 * A two-year district written as the bureau writes it: year 1's roster as of 2024-09-01, then year
 * 2's (a move, a retirement, a new hire, a party membership) as of 2025-09-01. Year 1's figures read
 * the same before and after year 2 is written; the history is in teacher_version, in SQL.
 */
describe.each(testDatabaseKinds())('history and as-of reports on %s', (kind) => {
  let s: PersonnelTestServer;
  let ids: string[];
  let schoolIds: Record<string, string>;
  const year1 = () => [1, 2, 3, 4, 5, 6].map((i) => teacherRow(i, i <= 4 ? A : B, { schoolStartMonth: '2018-09', politicalStatus: i <= 2 ? 'CPC_MEMBER' : 'MASSES', inQuota: true, employmentForm: null }));
  const versions = async (id: string): Promise<Version[]> => {
    const rows: Version[] = await s.ds.query('SELECT * FROM teacher_version WHERE record_id = ? ORDER BY valid_from, recorded_at', [id]);
    return rows.map((r) => ({ ...r, valid_from: String(r.valid_from).slice(0, 10), valid_to: r.valid_to === null ? null : String(r.valid_to).slice(0, 10) }));
  };
  const read = async (q: string) => {
    const r = await s.admin(q);
    expect(r.errors).toBeUndefined();
    return r.data;
  };

  beforeAll(async () => {
    s = await startPersonnelForTest(kind);
    await s.admin(UPSERT_SCHOOLS, { rows: [schoolRow(1), schoolRow(2)] });
    const created = await s.admin(UPSERT_TEACHERS, { rows: year1(), options: { asOf: '2024-09-01' } });
    expect(created.data.upsertTeachers.created).toBe(6);
    ids = created.data.upsertTeachers.rows.map((r: { id: string }) => r.id);
    const schools = (await read('{ schools { nodes { id code } } }')).schools.nodes as Array<{ id: string; code: string }>;
    schoolIds = Object.fromEntries(schools.map((x) => [x.code, x.id]));
  });
  afterAll(() => s.stop());

  it("keeps year 1's district report, school comparison and school report as they were after year 2 is written", async () => {
    const before = await Promise.all([read(REPORT(2024)), read(COMPARISON(2024)), read(SCHOOL_REPORT(schoolIds[A], 2024)), read(SCHOOL_REPORT(schoolIds[B], 2024))]);
    expect(before[0].districtReport).toEqual({ teacherCount: 6, publicTeacherCount: 6, partyMemberTeacherCount: 2, quotaFilled: 6 });
    expect(before[1].schoolComparison.nodes.map((n: { teacherCount: number }) => n.teacherCount)).toEqual([4, 2]);

    const y1 = year1();
    const year2 = [
      { ...y1[0], schoolCode: B, schoolStartMonth: '2025-09' }, // moves from A to B
      { ...y1[1], status: 'RETIRED' }, // retires
      { ...y1[2], politicalStatus: 'CPC_MEMBER' }, // joins the party
      teacherRow(7, A, { schoolStartMonth: '2025-09', inQuota: true, employmentForm: null, politicalStatus: 'MASSES' }), // new hire
    ];
    const r = await s.admin(UPSERT_TEACHERS, { rows: year2, options: { asOf: '2025-09-01', reason: '2025 学年花名册' } });
    expect(r.errors).toBeUndefined();
    expect([r.data.upsertTeachers.created, r.data.upsertTeachers.updated]).toEqual([1, 3]);

    const after = await Promise.all([read(REPORT(2024)), read(COMPARISON(2024)), read(SCHOOL_REPORT(schoolIds[A], 2024)), read(SCHOOL_REPORT(schoolIds[B], 2024))]);
    expect(after).toEqual(before);

    // year 2 as of its statistics day: 6 - 1 retired + 1 hired; A lost the mover and the retiree, gained the hire
    expect((await read(REPORT(2025))).districtReport).toEqual({ teacherCount: 6, publicTeacherCount: 6, partyMemberTeacherCount: 2, quotaFilled: 6 });
    expect((await read(COMPARISON(2025))).schoolComparison.nodes.map((n: { school: { code: string }; teacherCount: number }) => [n.school.code, n.teacherCount])).toEqual([
      [A, 3],
      [B, 3],
    ]);
    // a trend reads each year as of its own day, in one request; a created teacher counts from 进本校年月 (2018-09)
    const trend = await read('{ districtReports(fromYear: 2017, toYear: 2025) { year teacherCount partyMemberTeacherCount } }');
    expect(trend.districtReports.filter((y: { year: number }) => [2017, 2018, 2024, 2025].includes(y.year))).toEqual([
      { year: 2017, teacherCount: 0, partyMemberTeacherCount: 0 },
      { year: 2018, teacherCount: 6, partyMemberTeacherCount: 2 },
      { year: 2024, teacherCount: 6, partyMemberTeacherCount: 2 },
      { year: 2025, teacherCount: 6, partyMemberTeacherCount: 2 },
    ]);
  });

  it('reads a teacher as of a day, and keeps each version with its valid time, who and why', async () => {
    const mover = ids[0];
    expect((await s.admin(TEACHER_AS_OF, { id: mover, asOf: '2024-12-31' })).data.teacher.school.code).toBe(A);
    expect((await s.admin(TEACHER_AS_OF, { id: mover, asOf: '2025-12-31' })).data.teacher.school.code).toBe(B);
    expect((await s.admin(TEACHER_AS_OF, { id: mover, asOf: '2017-01-01' })).data.teacher).toBeNull();
    const v = await versions(mover);
    expect(v.map((x) => [x.op, x.valid_from, x.valid_to, x.school_id, x.superseded_at])).toEqual([
      ['create', '2018-09-01', '2025-09-01', schoolIds[A], null],
      ['update', '2025-09-01', null, schoolIds[B], null],
    ]);
    expect(v[1]).toMatchObject({ actor_subject: 'district-admin', reason: '2025 学年花名册' });
    expect(v[1].request_id).toBeTruthy();
    // the retiree's row has no own date: the call's asOf is when it took effect
    expect((await versions(ids[1])).map((x) => [x.valid_from, x.status])).toEqual([
      ['2018-09-01', 'IN_SERVICE'],
      ['2025-09-01', 'RETIRED'],
    ]);
  });

  it('corrects a past date: the wrong version is kept as superseded, the figures follow the correction', async () => {
    const t = teacherRow(8, B, { schoolStartMonth: '2018-09', inQuota: true, employmentForm: null, politicalStatus: 'MASSES' });
    await s.admin(UPSERT_TEACHERS, { rows: [t], options: { asOf: '2024-09-01' } });
    // recorded as retired from 2025-03-01: wrong, it was 2026-01-15
    await s.admin(UPSERT_TEACHERS, { rows: [{ ...t, status: 'RETIRED' }], options: { asOf: '2025-03-01' } });
    expect((await read(REPORT(2025))).districtReport.teacherCount).toBe(6);
    // the correction: serving on 2025-03-01 after all, retired on 2026-01-15
    await s.admin(UPSERT_TEACHERS, { rows: [t], options: { asOf: '2025-03-01', reason: '退休日期更正' } });
    await s.admin(UPSERT_TEACHERS, { rows: [{ ...t, status: 'RETIRED' }], options: { asOf: '2026-01-15', reason: '退休日期更正' } });
    expect((await read(REPORT(2025))).districtReport.teacherCount).toBe(7);
    expect((await read(REPORT(2026))).districtReport.teacherCount).toBe(6);
    const id = (await read(`{ teacherByIdNumber(idNumber: "${t.idNumber}") { id } }`)).teacherByIdNumber.id;
    const v = await versions(id);
    expect(v.filter((x) => x.superseded_at !== null).map((x) => [x.valid_from, x.status])).toEqual([['2025-03-01', 'RETIRED']]);
    expect(v.filter((x) => x.superseded_at === null).map((x) => [x.valid_from, x.valid_to, x.status])).toEqual([
      ['2018-09-01', '2025-03-01', 'IN_SERVICE'],
      ['2025-03-01', '2026-01-15', 'IN_SERVICE'],
      ['2026-01-15', null, 'RETIRED'],
    ]);
  });

  it('inserts a fact recorded late in sequence: the covering version is split, later versions and the row stay', async () => {
    // the third teacher joined the party on 2025-09-01; a late file says their title changed on 2024-03-01
    const y1 = year1();
    const late = await s.admin(UPSERT_TEACHERS, { rows: [{ ...y1[2], professionalTitle: 'SENIOR' }], options: { asOf: '2024-03-01' } });
    expect(late.errors).toBeUndefined();
    const v = (await versions(ids[2])).filter((x) => x.superseded_at === null) as unknown as Array<Version & { professional_title: string; political_status: string }>;
    expect(v.map((x) => [x.valid_from, x.valid_to, x.professional_title, x.political_status])).toEqual([
      ['2018-09-01', '2024-03-01', 'FIRST_GRADE', 'MASSES'],
      ['2024-03-01', '2025-09-01', 'SENIOR', 'MASSES'],
      ['2025-09-01', null, 'FIRST_GRADE', 'CPC_MEMBER'],
    ]);
    // the teacher table holds what is true now: the latest version
    const now = (await s.admin(TEACHER_AS_OF, { id: ids[2], asOf: null })).data.teacher;
    expect(now.politicalStatus).toBe('CPC_MEMBER');
  });

  it('writes no version for a rejected call, a dry run or an unchanged row', async () => {
    const count = async () => Number((await s.ds.query('SELECT COUNT(*) AS n FROM teacher_version'))[0].n);
    const n = await count();
    const bad = await s.admin(UPSERT_TEACHERS, { rows: [teacherRow(20, A), teacherRow(21, '9999999999')], options: { asOf: '2025-10-01' } });
    expect(bad.data.upsertTeachers.rejected).toBe(1);
    await s.admin(UPSERT_TEACHERS, { rows: [teacherRow(22, A)], options: { dryRun: true } });
    await s.admin(UPSERT_TEACHERS, { rows: [year1()[3]], options: { asOf: '2025-10-01' } });
    expect(await count()).toBe(n);
    expect((await s.admin(UPSERT_TEACHERS, { rows: [teacherRow(23, A)], options: { asOf: '2025-13-01' } })).errors?.[0].message).toMatch(/LocalDate|2025-13-01/);
  });

  it('lets a school admin read the past of its own teachers only (null otherwise, as for any teacher out of scope)', async () => {
    const clerkB = s.as({ subject: 'clerk-b', role: 'SCHOOL_ADMIN', schoolId: schoolIds[B] });
    const clerkA = s.as({ subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: schoolIds[A] });
    // the mover is at B now, and was at A in 2024: B reads them now and from their move on, A no more
    expect((await clerkB(TEACHER_AS_OF, { id: ids[0], asOf: '2025-12-31' })).data.teacher.school.code).toBe(B);
    expect((await clerkB(TEACHER_AS_OF, { id: ids[0], asOf: '2024-12-31' })).data.teacher).toBeNull();
    expect((await clerkA(TEACHER_AS_OF, { id: ids[0], asOf: '2024-12-31' })).data.teacher).toBeNull();
  });
});

/**
 * A write with no date of its own and no asOf takes effect on the request's day (ctx.clock), not the
 * machine's: a server pinned to 2025-06-15 writes history valid from 2025-06-15, and refuses a birth
 * date after that day.
 */
describe.each(testDatabaseKinds())("a write's default day on %s", (kind) => {
  const PINNED = '2025-06-15';
  let s: PersonnelTestServer;
  beforeAll(async () => {
    s = await startPersonnelForTest(kind, { clock: fixedClock(PINNED) });
  });
  afterAll(() => s.stop());

  it('is the pinned day of the request clock', async () => {
    const schools = await s.admin(UPSERT_SCHOOLS, { rows: [schoolRow(1)] });
    expect(schools.data.upsertSchools.created).toBe(1);
    const t = teacherRow(1, A, { schoolStartMonth: '2018-09' });
    const created = await s.admin(UPSERT_TEACHERS, { rows: [t] });
    const id = created.data.upsertTeachers.rows[0].id;
    const retired = await s.admin(UPSERT_TEACHERS, { rows: [{ ...t, status: 'RETIRED' }] });
    expect(retired.data.upsertTeachers.updated).toBe(1);
    const day = (v: unknown) => (v === null ? null : String(v instanceof Date ? v.toISOString() : v).slice(0, 10));
    const school: Array<{ valid_from: unknown }> = await s.ds.query('SELECT valid_from FROM school_version');
    expect(school.map((v) => day(v.valid_from))).toEqual([PINNED]);
    const teacher: Array<{ valid_from: unknown; valid_to: unknown; status: string }> = await s.ds.query('SELECT valid_from, valid_to, status FROM teacher_version WHERE record_id = ? ORDER BY valid_from', [id]);
    expect(teacher.map((v) => [day(v.valid_from), day(v.valid_to), v.status])).toEqual([
      ['2018-09-01', PINNED, 'IN_SERVICE'],
      [PINNED, null, 'RETIRED'],
    ]);
    // a birth date after the pinned day is in the future for this request
    const born = await s.admin(UPSERT_TEACHERS, { rows: [{ ...teacherRow(2, A), birthDate: '2025-10-01', idNumber: makeIdNumber({ birthDate: '2025-10-01', seq: 2, gender: 'FEMALE', area: '410101' }) }] });
    expect(born.data.upsertTeachers.rows[0]).toMatchObject({ status: 'REJECTED', code: 'ID_NUMBER_BIRTH_DATE' });
  });
});
