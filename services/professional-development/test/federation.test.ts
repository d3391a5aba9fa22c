import { newId } from '@tw/kernel';
import { testDatabaseKinds } from '@tw/kernel/testing';
import {
  DevelopmentTestServer,
  makeTeachers,
  SCHOOL_A,
  SCHOOL_B,
  startDevelopmentForTest,
  TEACHER_ENTITIES,
  teacherReps,
  trainingRow,
  UPSERT_DESIGNATIONS,
  UPSERT_PAIRS,
  UPSERT_STUDIOS,
  UPSERT_TRAININGS,
} from './harness';

const EVERY_FIELD =
  'trainings(year: 2024) { hours programme { name } } trainingHours(year: 2024) trainingPersonTimes(year: 2024) designations { kind } highestDesignation(year: 2024) { kind level } studios { name } mentor { id } mentees { id }';

describe.each(testDatabaseKinds())('the professional-development federation contract on %s', (kind) => {
  const ts = makeTeachers(520, SCHOOL_A);
  const moved = makeTeachers(1, SCHOOL_B, '调动教师')[0];
  let s: DevelopmentTestServer;

  beforeAll(async () => {
    s = await startDevelopmentForTest(kind, [...ts, moved]);
    const trainings = ts.flatMap((t, i) => [
      trainingRow(t.id, { year: 2024, projectName: '2024年暑期全员培训', hours: 30 }),
      trainingRow(t.id, { year: 2024, projectName: i % 2 ? '师德师风专题培训' : '学科教学专题培训', hours: 6 + (i % 5), provider: null }),
    ]);
    for (let i = 0; i < trainings.length; i += 1000) expect((await s.admin(UPSERT_TRAININGS, { rows: trainings.slice(i, i + 1000) })).data.r.rejected).toBe(0);
    const designations = ts.filter((_, i) => i % 10 === 0).map((t, i) => ({ teacherId: t.id, kind: i % 2 ? 'BACKBONE_TEACHER' : 'FAMOUS_TEACHER', level: 'DISTRICT', year: 2022 }));
    expect((await s.admin(UPSERT_DESIGNATIONS, { rows: designations })).data.r.rejected).toBe(0);
    const studio = [{ name: '示范工作室', kind: 'FAMOUS_TEACHER', level: 'DISTRICT', hostTeacherId: ts[0].id, foundedYear: 2023 }, ...ts.slice(1, 30).map((m) => ({ name: '示范工作室', kind: 'FAMOUS_TEACHER', level: 'DISTRICT', hostTeacherId: ts[0].id, foundedYear: 2023, memberTeacherId: m.id }))];
    expect((await s.admin(UPSERT_STUDIOS, { rows: studio })).data.r.rejected).toBe(0);
    const pairs = ts.slice(100, 150).map((t, i) => ({ mentorId: ts[i % 10].id, menteeId: t.id, startDate: '2024-09-01' }));
    expect((await s.admin(UPSERT_PAIRS, { rows: pairs })).data.r.rejected).toBe(0);
    expect((await s.admin(UPSERT_TRAININGS, { rows: [trainingRow(moved.id, { hours: 40 })] })).data.r.created).toBe(1);
  });
  afterAll(() => s.stop());

  it('serves its SDL through _service: Teacher and School extended by key, personal fields requiring school { id }', async () => {
    const r = await s.admin('{ _service { sdl } }');
    const sdl: string = r.data._service.sdl;
    expect(sdl).toMatch(/type Teacher\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type School\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('school: School! @external');
    for (const field of ['trainings(year: Int): [TrainingParticipation!]', 'trainingHours(year: Int): Int', 'trainingPersonTimes(year: Int): Int', 'designations: [Designation!]', 'highestDesignation(year: Int): Designation', 'studios: [Studio!]', 'mentor: Teacher', 'mentees: [Teacher!]']) {
      expect(sdl).toContain(`${field} @requires(fields: "school { id }")`);
    }
    expect(sdl).toContain('professionalDevelopment(year: Int!): SchoolDevelopmentFigures!');
  });

  it('resolves 500 Teacher representations with every field in as many SQL statements as 5', async () => {
    const q = TEACHER_ENTITIES(EVERY_FIELD);
    const small = await s.admin(q, { r: teacherReps(ts.slice(0, 5)) });
    const large = await s.admin(q, { r: teacherReps(ts.slice(0, 500)) });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data._entities).toHaveLength(500);
    expect(large.data._entities[0]).toMatchObject({ trainingHours: 36, trainingPersonTimes: 2, highestDesignation: { kind: 'FAMOUS_TEACHER' }, studios: [{ name: '示范工作室' }] });
    expect(large.data._entities[100].mentor).toEqual({ id: ts[0].id });
    expect(large.data._entities[0].mentees).toHaveLength(5);
    expect(small.extensions?.sqlStatements).toBeGreaterThan(0);
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
    console.log(`professional-development: SQL statements for 5 / 500 Teacher entities with every field on ${kind}: ${small.extensions?.sqlStatements} / ${large.extensions?.sqlStatements}`);
  });

  it('answers School figures for 40 schools in as many SQL statements as for 2', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on School { id professionalDevelopment(year: 2024) { trainingPersonTimes trainingHours trainedTeachers ethicsPoliticalTrainingPersonTimes designatedTeachers newDesignations studios lessons mentoringPairs } } } }`;
    const schools = (n: number) => [SCHOOL_A, ...Array.from({ length: n - 1 }, () => newId())].map((id) => ({ __typename: 'School', id }));
    const two = await s.admin(q, { r: schools(2) });
    const forty = await s.admin(q, { r: schools(40) });
    expect(forty.errors).toBeUndefined();
    expect(forty.data._entities[0].professionalDevelopment).toEqual({
      trainingPersonTimes: 1040,
      trainingHours: 520 * 30 + ts.reduce((sum, _, i) => sum + 6 + (i % 5), 0),
      trainedTeachers: 520,
      ethicsPoliticalTrainingPersonTimes: 260,
      designatedTeachers: 52,
      newDesignations: 0,
      studios: 1,
      lessons: 0,
      mentoringPairs: 50,
    });
    expect(forty.data._entities[1].professionalDevelopment.trainingPersonTimes).toBe(0);
    expect(forty.extensions?.sqlStatements).toBe(two.extensions?.sqlStatements);
  });

  it('answers personal fields by the school personnel holds now: null for other schools, ANALYST and other teachers', async () => {
    const q = TEACHER_ENTITIES('trainingHours(year: 2024) designations { kind } mentor { id }');
    const reps = [...teacherReps([ts[0], moved])];
    const field = async (principal: Parameters<DevelopmentTestServer['as']>[0]) =>
      ((await s.as(principal)(q, { r: reps })).data._entities as Array<{ trainingHours: number | null }>).map((e) => e.trainingHours);
    expect(await field({ subject: 'admin', role: 'DISTRICT_ADMIN' })).toEqual([36, 40]);
    expect(await field({ subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A })).toEqual([36, null]);
    expect(await field({ subject: 'clerk-b', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B })).toEqual([null, 40]);
    expect(await field({ subject: 't', role: 'TEACHER', teacherId: moved.id })).toEqual([null, 40]);
    expect(await field({ subject: 'a', role: 'ANALYST' })).toEqual([null, null]);

    // the moved teacher's training was recorded at school B; personnel now places them in school A
    const now = [{ __typename: 'Teacher', id: moved.id, school: { id: SCHOOL_A } }];
    const clerkA = await s.as({ subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A })(q, { r: now });
    expect(clerkA.data._entities[0]).toEqual({ id: moved.id, trainingHours: 40, designations: [], mentor: null });
    // a representation without the school (the field's @requires not honoured) reads as no school
    const bare = await s.as({ subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A })(q, { r: [{ __typename: 'Teacher', id: ts[0].id }] });
    expect(bare.data._entities[0].trainingHours).toBeNull();
    const unsigned = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gateway-secret': s.keys.gatewaySecret }, body: JSON.stringify({ query: q, variables: { r: reps } }) });
    const body = (await unsigned.json()) as { data: { _entities: Array<{ trainingHours: number | null }> } };
    expect(body.data._entities.map((e) => e.trainingHours)).toEqual([null, null]);
  });
});
