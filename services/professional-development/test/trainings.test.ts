import { TEST_YEAR, testDatabaseKinds } from '@tw/kernel/testing';
import {
  DevelopmentTestServer,
  makeTeachers,
  outcomes,
  SCHOOL_A,
  SCHOOL_B,
  startDevelopmentForTest,
  TEACHER_ENTITIES,
  teacherReps,
  trainingRow,
  UPSERT_TRAININGS,
} from './harness';

describe.each(testDatabaseKinds())('professional-development trainings on %s', (kind) => {
  const ownTeachers = makeTeachers(30, SCHOOL_A);
  const otherTeachers = makeTeachers(10, SCHOOL_B, '外校教师');
  let s: DevelopmentTestServer;

  beforeAll(async () => {
    s = await startDevelopmentForTest(kind, [...ownTeachers, ...otherTeachers]);
  });
  afterAll(() => s.stop());

  const participations = async (filter = '{}') =>
    (await s.admin(`{ trainingParticipations(first: 1, filter: ${filter}) { totalCount } }`)).data.trainingParticipations.totalCount as number;
  const programmes = async (year: number) =>
    (await s.admin(`{ trainingProgrammes(first: 100, filter: { year: ${year} }) { nodes { id name level provider mode topic topicInferred personTimes totalHours } } }`)).data
      .trainingProgrammes.nodes as Array<Record<string, unknown>>;

  it('creates one participation per row and the programmes they name, and an unchanged re-import writes nothing', async () => {
    const rows = [
      ...ownTeachers.slice(0, 3).map((t) => trainingRow(t.id, { year: 2023 })),
      trainingRow(ownTeachers[3].id, { year: 2023, projectName: '2023年全区教师师德师风专题培训', level: 'COUNTY', mode: 'SHORT_FACE_TO_FACE', hours: 8, credits: null, provider: null }),
    ];
    const r = (await s.admin(UPSERT_TRAININGS, { rows })).data.r;
    expect(r).toMatchObject({ created: 4, rejected: 0, written: true });
    expect(await participations('{ year: 2023 }')).toBe(4);
    const byName = Object.fromEntries((await programmes(2023)).map((p) => [p.name, p]));
    expect(byName['2024年区级中小学教师信息技术应用能力提升培训']).toMatchObject({ level: 'COUNTY', provider: '区教师发展中心', mode: 'BLENDED', topic: 'IT', topicInferred: true, personTimes: 3, totalHours: 72 });
    expect(byName['2023年全区教师师德师风专题培训']).toMatchObject({ provider: null, topic: 'ETHICS', topicInferred: true, personTimes: 1, totalHours: 8 });

    const again = (await s.admin(UPSERT_TRAININGS, { rows })).data.r;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, written: false });
    expect(again.rows.map((x: { id: string }) => x.id)).toEqual(r.rows.map((x: { id: string }) => x.id));
  });

  it('keeps a topic a file gave over the inferred one, and a provider when a later row leaves it blank', async () => {
    const name = '2022年新教师入职培训';
    const given = await s.admin(UPSERT_TRAININGS, { rows: [trainingRow(ownTeachers[0].id, { year: 2022, projectName: name, topic: 'ETHICS' })] });
    expect(given.data.r.created).toBe(1);
    const later = await s.admin(UPSERT_TRAININGS, { rows: [trainingRow(ownTeachers[1].id, { year: 2022, projectName: name, provider: '  ' })] });
    expect(outcomes(later.data.r)).toEqual(['CREATED']);
    const [p] = (await programmes(2022)).filter((x) => x.name === name);
    expect(p).toMatchObject({ topic: 'ETHICS', topicInferred: false, provider: '区教师发展中心', personTimes: 2 });
    const unchanged = await s.admin(UPSERT_TRAININGS, { rows: [trainingRow(ownTeachers[0].id, { year: 2022, projectName: name })] });
    expect(unchanged.data.r).toMatchObject({ unchanged: 1, written: false });
  });

  it('updates hours, and moves a participation to the programme of its corrected level', async () => {
    const name = '2021年市级班主任能力提升研修';
    const first = await s.admin(UPSERT_TRAININGS, { rows: [trainingRow(ownTeachers[5].id, { year: 2021, projectName: name, level: 'COUNTY', hours: 10 })] });
    expect(first.data.r.created).toBe(1);
    const fixed = await s.admin(UPSERT_TRAININGS, { rows: [trainingRow(ownTeachers[5].id, { year: 2021, projectName: name, level: 'MUNICIPAL', hours: 12 })] });
    expect(fixed.data.r).toMatchObject({ updated: 1, written: true });
    expect(fixed.data.r.rows[0].id).toBe(first.data.r.rows[0].id);
    const byLevel = Object.fromEntries((await programmes(2021)).map((p) => [p.level, p]));
    expect(byLevel.MUNICIPAL).toMatchObject({ topic: 'HOMEROOM', personTimes: 1, totalHours: 12 });
    expect(byLevel.COUNTY).toMatchObject({ personTimes: 0 });
  });

  it('rejects each bad row with a stable code and a Chinese message naming the value, and writes nothing', async () => {
    const before = await participations();
    const t = ownTeachers.map((x) => x.id);
    const nextYear = TEST_YEAR + 1;
    const rows = [
      trainingRow(t[10], { year: 2025 }),
      trainingRow(t[11], { year: 2025, hours: -4 }),
      trainingRow(t[12], { year: 2025, hours: 12.5 }),
      trainingRow(t[13], { year: 2025, credits: 1.5 }),
      trainingRow(t[14], { year: 1975 }),
      trainingRow(t[15], { year: nextYear }),
      trainingRow('no-such-teacher', { year: 2025 }),
      trainingRow(t[16], { year: 2025, projectName: '   ' }),
      trainingRow(t[17], { year: 2025, provider: '省教育学院' }),
      trainingRow(t[18], { year: 2025, mode: 'ONLINE' }),
      trainingRow(t[10], { year: 2025, projectName: ' 2024年区级中小学教师信息技术应用能力提升培训 ' }),
      trainingRow(t[19], { year: 2025, hours: 1001 }),
    ];
    const r = (await s.admin(UPSERT_TRAININGS, { rows })).data.r;
    expect(outcomes(r)).toEqual([
      'CREATED',
      'BAD_HOURS',
      'BAD_HOURS',
      'BAD_CREDITS',
      'BAD_YEAR',
      'BAD_YEAR',
      'TEACHER_NOT_FOUND',
      'REQUIRED',
      'PROGRAMME_CONFLICT',
      'PROGRAMME_CONFLICT',
      'DUPLICATE_KEY',
      'BAD_HOURS',
    ]);
    const message = (i: number) => r.rows[i].message as string;
    expect(message(1)).toBe('培训获得学时 -4 无效：应为不小于 0 的整数');
    expect(message(2)).toContain('12.5');
    expect(message(3)).toBe('培训获得学分 1.5 无效：应为不小于 0 的整数');
    expect(message(4)).toContain('培训年度 1975 无效');
    expect(message(5)).toContain(String(nextYear));
    expect(message(6)).toContain('no-such-teacher');
    expect(message(8)).toBe('培训项目“2024年区级中小学教师信息技术应用能力提升培训”（2025 年度，县级）在本批中的培训机构不一致：“区教师发展中心”与“省教育学院”');
    expect(message(9)).toContain('“面授+网络”与“网络研修”');
    expect(message(11)).toContain('1001');
    expect(r.rows[1].field).toBe('hours');
    expect(r).toMatchObject({ created: 1, rejected: 11, written: false });
    expect(await participations()).toBe(before);
  });

  it('validates without writing on a dry run, and writes only the valid rows with partial', async () => {
    const before = await participations();
    const rows = [trainingRow(ownTeachers[20].id, { year: 2025, projectName: '2025年校本研修' }), trainingRow('ghost', { year: 2025, projectName: '2025年校本研修' })];
    const dry = (await s.admin(UPSERT_TRAININGS, { rows: rows.slice(0, 1), options: { dryRun: true } })).data.r;
    expect(dry).toMatchObject({ created: 1, dryRun: true, written: false });
    expect(await participations()).toBe(before);
    const partial = (await s.admin(UPSERT_TRAININGS, { rows, options: { partial: true } })).data.r;
    expect(outcomes(partial)).toEqual(['CREATED', 'TEACHER_NOT_FOUND']);
    expect(partial.written).toBe(true);
    expect(await participations()).toBe(before + 1);
  });

  it('lets a SCHOOL_ADMIN write their own teachers only, row by row', async () => {
    const clerk = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A });
    const r = (await clerk(UPSERT_TRAININGS, { rows: [trainingRow(otherTeachers[0].id, { year: 2020 }), trainingRow(ownTeachers[0].id, { year: 2020 })] })).data.r;
    expect(outcomes(r)).toEqual(['TEACHER_NOT_FOUND', 'CREATED']);
    // the id sent, never the name of a teacher outside the token's school
    expect(r.rows[0].message).toBe(`教师 id“${otherTeachers[0].id}” 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息`);
    expect(r.rows[0].message).not.toContain('外校教师1');
    expect(r.written).toBe(false);
    const analyst = s.as({ subject: 'a', role: 'ANALYST' });
    expect((await analyst(UPSERT_TRAININGS, { rows: [] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists participations within what the token may read: a school, a teacher, never for an ANALYST', async () => {
    await s.admin(UPSERT_TRAININGS, { rows: [trainingRow(otherTeachers[5].id, { year: 2019 }), trainingRow(ownTeachers[25].id, { year: 2019 })] });
    const list = (who: Parameters<DevelopmentTestServer['as']>[0], filter = '{ year: 2019 }') =>
      s.as(who)(`{ trainingParticipations(first: 100, filter: ${filter}) { nodes { teacher { id } school { id } programme { year } } } }`);
    const clerk = await list({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B });
    expect(clerk.data.trainingParticipations.nodes).toEqual([{ teacher: { id: otherTeachers[5].id }, school: { id: SCHOOL_B }, programme: { year: 2019 } }]);
    expect((await list({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B }, `{ schoolId: "${SCHOOL_A}" }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const self = await list({ subject: 't', role: 'TEACHER', teacherId: ownTeachers[25].id }, '{}');
    expect(self.data.trainingParticipations.nodes.map((n: { teacher: { id: string } }) => n.teacher.id)).toEqual([ownTeachers[25].id]);
    expect((await list({ subject: 'a', role: 'ANALYST' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await list({ subject: 'admin', role: 'DISTRICT_ADMIN' })).data.trainingParticipations.nodes).toHaveLength(2);
  });

  it('answers person-times and hours per teacher and per school from the records', async () => {
    const t = otherTeachers[1];
    const rows = [
      trainingRow(t.id, { year: 2024, projectName: '学习贯彻党的二十大精神专题培训', hours: 6 }),
      trainingRow(t.id, { year: 2024, projectName: '师德师风建设专题报告', hours: 3 }),
      trainingRow(t.id, { year: 2024, projectName: '初中数学大单元教学设计', hours: 20 }),
      trainingRow(t.id, { year: 2023, projectName: '2023年暑期全员培训', hours: 40 }),
      trainingRow(otherTeachers[2].id, { year: 2024, projectName: '初中数学大单元教学设计', hours: 20 }),
    ];
    expect((await s.admin(UPSERT_TRAININGS, { rows })).data.r.created).toBe(5);
    const e = await s.admin(TEACHER_ENTITIES('trainingHours(year: 2024) trainingPersonTimes(year: 2024) all: trainingHours trainings(year: 2024) { hours programme { name topic } }'), {
      r: teacherReps([t]),
    });
    expect(e.errors).toBeUndefined();
    const [answer] = e.data._entities;
    expect(answer).toMatchObject({ trainingHours: 29, trainingPersonTimes: 3, all: 69 });
    expect(answer.trainings.map((x: { programme: { topic: string } }) => x.programme.topic).sort()).toEqual(['ETHICS', 'POLITICAL', 'SUBJECT_TEACHING']);

    const school = await s.admin(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on School { professionalDevelopment(year: 2024) { year trainingPersonTimes trainingHours trainedTeachers ethicsPoliticalTrainingPersonTimes } } } }`,
      { r: [{ __typename: 'School', id: SCHOOL_B }] },
    );
    expect(school.data._entities[0].professionalDevelopment).toEqual({ year: 2024, trainingPersonTimes: 4, trainingHours: 49, trainedTeachers: 2, ethicsPoliticalTrainingPersonTimes: 2 });
  });
});
