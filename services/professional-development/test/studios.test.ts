import { addDays } from '@tw/kernel';
import { TEST_DATE, testDatabaseKinds } from '@tw/kernel/testing';
import {
  DevelopmentTestServer,
  makeTeachers,
  outcomes,
  SCHOOL_A,
  SCHOOL_B,
  startDevelopmentForTest,
  TEACHER_ENTITIES,
  teacherReps,
  UPSERT_DESIGNATIONS,
  UPSERT_LESSONS,
  UPSERT_PAIRS,
  UPSERT_STUDIOS,
} from './harness';

describe.each(testDatabaseKinds())('professional-development studios, lessons and mentoring on %s', (kind) => {
  const ts = makeTeachers(20, SCHOOL_A);
  const others = makeTeachers(5, SCHOOL_B, '外校教师');
  const [famous, homeroom, backbone, plain] = ts;
  let s: DevelopmentTestServer;

  const studioRow = (over: Record<string, unknown> = {}) => ({ name: '李名师语文工作室', kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', hostTeacherId: famous.id, foundedYear: 2022, ...over });

  beforeAll(async () => {
    s = await startDevelopmentForTest(kind, [...ts, ...others]);
    const d = await s.admin(UPSERT_DESIGNATIONS, {
      rows: [
        { teacherId: famous.id, kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', year: 2021 },
        { teacherId: homeroom.id, kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', year: 2020, validUntil: '2022-12-31' },
        { teacherId: backbone.id, kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: 2023 },
      ],
    });
    expect(d.data.r.created).toBe(3);
  });
  afterAll(() => s.stop());

  it('creates a studio with its members from one row per member, and adds members on a later import', async () => {
    const rows = [studioRow(), ...ts.slice(4, 7).map((m) => studioRow({ memberTeacherId: m.id }))];
    const r = (await s.admin(UPSERT_STUDIOS, { rows })).data.r;
    expect(r).toMatchObject({ created: 4, written: true });
    const studioId = r.rows[0].id;
    expect(new Set(r.rows.map((x: { id: string }) => x.id))).toEqual(new Set([studioId]));
    const again = (await s.admin(UPSERT_STUDIOS, { rows: [...rows, studioRow({ memberTeacherId: ts[7].id })] })).data.r;
    expect(outcomes(again)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'CREATED']);
    const studio = (await s.admin(`{ studio(id: "${studioId}") { name kind level foundedYear host { id } hostSchool { id } memberCount members { id } } }`)).data.studio;
    expect(studio).toMatchObject({ name: '李名师语文工作室', kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', foundedYear: 2022, host: { id: famous.id }, hostSchool: { id: SCHOOL_A }, memberCount: 4 });
    expect(studio.members.map((m: { id: string }) => m.id).sort()).toEqual(ts.slice(4, 8).map((t) => t.id).sort());
    const level = (await s.admin(UPSERT_STUDIOS, { rows: [studioRow({ level: 'PROVINCIAL' })] })).data.r;
    expect(outcomes(level)).toEqual(['UPDATED']);
    // another school's SCHOOL_ADMIN can neither name its host nor hand the studio to their own teacher
    const clerkB = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B });
    const taken = (await clerkB(UPSERT_STUDIOS, { rows: [studioRow(), studioRow({ name: '李名师语文工作室 ', hostTeacherId: others[0].id, memberTeacherId: others[1].id })] })).data.r;
    expect(outcomes(taken)).toEqual(['TEACHER_NOT_FOUND', 'STUDIO_FORBIDDEN']);
  });

  it('requires the host to hold a valid designation of the matching kind in the founding year', async () => {
    const rows = [
      studioRow({ name: '王老师班主任工作室', kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', hostTeacherId: homeroom.id, foundedYear: 2021 }),
      studioRow({ name: '过期班主任工作室', kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', hostTeacherId: homeroom.id, foundedYear: 2023 }),
      studioRow({ name: '名师错配工作室', kind: 'FAMOUS_HOMEROOM_TEACHER', hostTeacherId: famous.id }),
      studioRow({ name: '骨干提前工作室', hostTeacherId: backbone.id, foundedYear: 2022 }),
      studioRow({ name: '骨干教师工作室', hostTeacherId: backbone.id, foundedYear: 2024 }),
      studioRow({ name: '无称号工作室', hostTeacherId: plain.id }),
      studioRow({ name: '无称号工作室', hostTeacherId: plain.id, memberTeacherId: ts[8].id }),
    ];
    const r = (await s.admin(UPSERT_STUDIOS, { rows, options: { partial: true } })).data.r;
    expect(outcomes(r)).toEqual(['CREATED', 'HOST_NOT_QUALIFIED', 'HOST_NOT_QUALIFIED', 'HOST_NOT_QUALIFIED', 'CREATED', 'HOST_NOT_QUALIFIED', 'HOST_NOT_QUALIFIED']);
    expect(r.rows[1].message).toBe('主持人“教师2”在成立年度 2023 没有有效的名班主任称号，不能主持名班主任工作室“过期班主任工作室”');
    expect(r.rows[5].message).toContain('名师、特级教师、学科带头人、骨干教师、中原英才计划');
  });

  it('rejects rows of one studio that disagree, a member who is the host, and teachers personnel does not know', async () => {
    const rows = [
      studioRow({ name: '新建工作室' }),
      studioRow({ name: '新建工作室', memberTeacherId: ts[9].id, foundedYear: 2023 }),
      studioRow({ name: '新建工作室', memberTeacherId: famous.id }),
      studioRow({ name: '新建工作室', memberTeacherId: 'nobody' }),
      studioRow({ name: '另一工作室', hostTeacherId: 'ghost-host' }),
      studioRow({ name: ' ' }),
    ];
    const r = (await s.admin(UPSERT_STUDIOS, { rows })).data.r;
    expect(outcomes(r)).toEqual(['CREATED', 'STUDIO_CONFLICT', 'MEMBER_IS_HOST', 'TEACHER_NOT_FOUND', 'TEACHER_NOT_FOUND', 'REQUIRED']);
    expect(r.rows[1].message).toBe('工作室“新建工作室”在本批中的成立年度不一致：2022 与 2023');
    expect(r.rows[3].message).toContain('成员 id“nobody”');
    expect(r.rows[4].message).toContain('主持人 id“ghost-host”');
    expect(r.written).toBe(false);
  });

  it('records lessons by presenter + date + 课题, linked to a studio by name', async () => {
    const rows = [
      { date: '2024-03-12', teacherId: famous.id, title: '《背影》中的父爱', subject: '语文', kind: 'DEMONSTRATION', studioName: '李名师语文工作室', observers: 45 },
      { date: '2024-04-02', teacherId: ts[4].id, title: '比喻句的妙用', subject: '语文', kind: 'OPEN', studioName: '李名师语文工作室' },
      { date: '2023-11-20', teacherId: ts[10].id, title: '分数的初步认识', subject: '数学', kind: 'OBSERVATION', observers: 30 },
    ];
    const r = (await s.admin(UPSERT_LESSONS, { rows })).data.r;
    expect(r).toMatchObject({ created: 3, written: true });
    const again = (await s.admin(UPSERT_LESSONS, { rows: [{ ...rows[0], observers: 60 }, rows[1]] })).data.r;
    expect(outcomes(again)).toEqual(['UPDATED', 'UNCHANGED']);

    const studio = (await s.admin('{ studios(filter: { nameContains: "李名师" }) { nodes { id lessonCount(year: 2024) } } }')).data.studios.nodes[0];
    expect(studio.lessonCount).toBe(2);
    const list = await s.as({ subject: 'a', role: 'ANALYST' })(`{ lessons(filter: { studioId: "${studio.id}" }) { totalCount nodes { title observers presenter { id } studio { name } } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.lessons.totalCount).toBe(2);
    expect(list.data.lessons.nodes[0]).toMatchObject({ title: '《背影》中的父爱', observers: 60, studio: { name: '李名师语文工作室' } });
    const year2023 = (await s.admin('{ lessons(filter: { year: 2023 }) { nodes { title } } }')).data.lessons.nodes;
    expect(year2023).toEqual([{ title: '分数的初步认识' }]);
  });

  it('rejects lesson rows with a future date, an unknown studio, a bad observer count or a missing 课题', async () => {
    const tomorrow = addDays(TEST_DATE, 1);
    const base = { teacherId: ts[11].id, title: '课题', kind: 'OPEN', date: '2024-05-05' };
    const rows = [{ ...base, date: tomorrow }, { ...base, studioName: '不存在的工作室' }, { ...base, title: '另一课题', observers: -1 }, { ...base, title: '' }, { ...base, teacherId: others[0].id }];
    const r = (await s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A })(UPSERT_LESSONS, { rows })).data.r;
    expect(outcomes(r)).toEqual(['DATE_IN_FUTURE', 'STUDIO_NOT_FOUND', 'BAD_OBSERVERS', 'REQUIRED', 'TEACHER_NOT_FOUND']);
    expect(r.rows[0].message).toContain(tomorrow);
    expect(r.rows[1].message).toBe('工作室“不存在的工作室”不存在，请先导入工作室');
  });

  it('records mentoring pairs, never a teacher with themself, and answers mentor and mentees', async () => {
    const rows = [
      { mentorId: famous.id, menteeId: ts[12].id, startDate: '2023-09-01' },
      { mentorId: famous.id, menteeId: ts[13].id, startDate: '2022-09-01', endDate: '2023-07-31' },
      { mentorId: backbone.id, menteeId: ts[12].id, startDate: '2021-09-01', endDate: '2022-07-31' },
      { mentorId: ts[14].id, menteeId: ts[14].id, startDate: '2023-09-01' },
      { mentorId: famous.id, menteeId: ts[15].id, startDate: '2024-09-01', endDate: '2024-08-31' },
    ];
    const r = (await s.admin(UPSERT_PAIRS, { rows, options: { partial: true } })).data.r;
    expect(outcomes(r)).toEqual(['CREATED', 'CREATED', 'CREATED', 'SAME_TEACHER', 'END_BEFORE_START']);
    expect(r.rows[3].message).toBe('师傅与徒弟不能是同一名教师（教师15）');
    const answer = (await s.admin(TEACHER_ENTITIES('mentor { id } mentees { id }'), { r: teacherReps([famous, ts[12], ts[13]]) })).data._entities;
    expect(answer).toEqual([
      { id: famous.id, mentor: null, mentees: [{ id: ts[12].id }] },
      { id: ts[12].id, mentor: { id: famous.id }, mentees: [] },
      { id: ts[13].id, mentor: null, mentees: [] },
    ]);
    const pairs = (await s.admin(`{ mentoringPairs(filter: { teacherId: "${ts[12].id}" }) { totalCount nodes { mentor { id } startDate endDate } } }`)).data.mentoringPairs;
    expect(pairs.totalCount).toBe(2);
    const clerkB = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B });
    expect((await clerkB('{ mentoringPairs { totalCount } }')).data.mentoringPairs.totalCount).toBe(0);
    expect((await clerkB(UPSERT_PAIRS, { rows: [{ mentorId: others[0].id, menteeId: ts[16].id, startDate: '2024-09-01' }] })).data.r.rows[0].code).toBe('TEACHER_NOT_FOUND');
  });

  it('shows studios to every signed-in role, and a teacher’s studios only to those who may read the teacher', async () => {
    const analyst = s.as({ subject: 'a', role: 'ANALYST' });
    const list = await analyst('{ studios(filter: { kind: FAMOUS_TEACHER }) { totalCount nodes { name memberCount } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data.studios.nodes.map((x: { name: string }) => x.name)).toEqual(['李名师语文工作室', '骨干教师工作室']);
    const mine = (await s.admin(`{ studios(filter: { teacherId: "${ts[5].id}" }) { nodes { name } } }`)).data.studios.nodes;
    expect(mine).toEqual([{ name: '李名师语文工作室' }]);

    const q = TEACHER_ENTITIES('studios { name }');
    expect((await analyst(q, { r: teacherReps([famous]) })).data._entities).toEqual([{ id: famous.id, studios: null }]);
    expect((await s.as({ subject: 'c', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B })(q, { r: teacherReps([famous]) })).data._entities[0].studios).toBeNull();
    expect((await s.as({ subject: 'c', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A })(q, { r: teacherReps([famous]) })).data._entities[0].studios).toEqual([{ name: '李名师语文工作室' }]);
    expect((await s.as({ subject: 't', role: 'TEACHER', teacherId: ts[5].id })(q, { r: teacherReps([ts[5]]) })).data._entities[0].studios).toEqual([{ name: '李名师语文工作室' }]);

    const figures = await analyst(`query($r: [_Any!]!) { _entities(representations: $r) { ... on School { professionalDevelopment(year: 2024) { studios lessons mentoringPairs } } } }`, {
      r: [{ __typename: 'School', id: SCHOOL_A }],
    });
    expect(figures.data._entities[0].professionalDevelopment).toEqual({ studios: 3, lessons: 2, mentoringPairs: 1 });
  });
});
