import { testDatabaseKinds } from '@tw/kernel/testing';
import { Kind, ObjectTypeDefinitionNode, parse, print } from 'graphql';
import {
  GovernanceTestServer,
  SCHOOL_A,
  SCHOOL_B,
  startGovernanceForTest,
  teacherEntities,
  teacherReps,
  UPSERT_APPRAISALS,
  UPSERT_AWARDS,
  UPSERT_ETHICS,
  UPSERT_RANKS,
  UPSERT_REFORMS,
  UPSERT_VIOLATIONS,
} from './harness';

const TEACHER_FIELDS = `
  ethics(year: 2024) { year result }
  violations { occurredOn sanction negativeListItem { code title } period { from through } }
  appraisal(year: 2024) { result forcedByEthics }
  awards { title level awardedOn }
  principalRanks { rank year school { id } }
  eligibility(year: 2024) { teacherId year vetoed purposes { purpose eligible reasons } }`;
const SCHOOL_FIELDS = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on School { id reformStatus reform { status completedOn } inspectionCount(year: 2024) } } }';
const ELIGIBILITY = 'query($ids: [ID!]!) { eligibility(teacherIds: $ids, year: 2024) { teacherId vetoed purposes { purpose eligible reasons } } }';

/** The fields of an object type of an SDL, as `name(args): Type` without descriptions or directives. */
function fieldsOf(sdl: string, type: string): string[] {
  const def = parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === type);
  if (!def) throw new Error(`no type ${type}`);
  return (def.fields ?? []).map((f) => `${f.name.value}${f.arguments?.length ? `(${f.arguments.map((a) => `${a.name.value}: ${print(a.type)}`).join(', ')})` : ''}: ${print(f.type)}`);
}

describe.each(testDatabaseKinds())('the governance subgraph contract on %s', (kind) => {
  let s: GovernanceTestServer;
  const N = 500;
  const teachers = Array.from({ length: 1000 }, (_, i) => ({ id: `fed-${String(i).padStart(4, '0')}`, schoolId: i % 2 ? SCHOOL_B : SCHOOL_A }));

  beforeAll(async () => {
    s = await startGovernanceForTest(kind);
    for (const t of teachers) s.addTeacher(t.id, t.schoolId);
    const some = teachers.slice(0, N);
    const write = async (mutation: string, rows: unknown[]) => {
      const r = await s.admin(mutation, { rows });
      expect(r.errors).toBeUndefined();
      expect(r.data.r.rejected).toBe(0);
      return r;
    };
    await write(UPSERT_ETHICS, some.map((t, i) => ({ teacherId: t.id, year: 2024, result: i % 50 === 0 ? 'INCOMPETENT' : 'COMPETENT' })));
    await write(UPSERT_VIOLATIONS, some.filter((_, i) => i % 7 === 0).map((t) => ({ teacherId: t.id, occurredOn: '2024-03-15', negativeListItem: '5', sanction: 'WARNING' })));
    await write(UPSERT_APPRAISALS, some.map((t) => ({ teacherId: t.id, year: 2024, result: 'COMPETENT' })));
    await write(UPSERT_AWARDS, some.filter((_, i) => i % 7 && i % 50).map((t) => ({ teacherId: t.id, title: '区优秀教师', level: 'COUNTY', awardedOn: '2024-09-10' })));
    await write(UPSERT_RANKS, some.slice(0, 20).map((t) => ({ teacherId: t.id, rank: 'SENIOR', year: 2024 })));
    await write(UPSERT_REFORMS, [{ schoolId: SCHOOL_A, status: 'PILOT', pilotStartedOn: '2024-03-01' }]);
  });
  afterAll(() => s.stop());

  it('serves its SDL: Teacher extended by key, personal fields requiring the school, and the eligibility contract exactly', async () => {
    const r = await s.admin('{ _service { sdl } }');
    const sdl: string = r.data._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Teacher\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type School\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('school: School! @external');
    for (const field of ['ethics(year: Int!): EthicsAssessment', 'violations: [Violation!]', 'appraisal(year: Int!): Appraisal', 'awards: [Award!]', 'eligibility(year: Int!): TeacherEligibility']) {
      expect(sdl).toContain(`${field} @requires(fields: "school { id }")`);
    }
    expect(fieldsOf(sdl, 'Query')).toContain('eligibility(teacherIds: [ID!]!, year: Int!): [TeacherEligibility!]!');
    expect(fieldsOf(sdl, 'TeacherEligibility')).toEqual(['teacherId: ID!', 'year: Int!', 'vetoed: Boolean!', 'purposes: [PurposeEligibility!]!']);
    expect(fieldsOf(sdl, 'PurposeEligibility')).toEqual(['purpose: EligibilityPurpose!', 'eligible: Boolean!', 'reasons: [String!]!']);
    expect(sdl).toMatch(/enum EligibilityPurpose \{\s+(""".*"""\s+)?EXCELLENT_APPRAISAL\s+(""".*"""\s+)?AWARD\s+(""".*"""\s+)?DESIGNATION\s+(""".*"""\s+)?TITLE_PROMOTION\s+\}/);
    expect(fieldsOf(sdl, 'School')).toEqual(['id: ID!', 'reformStatus: ReformStatus!', 'reform: SchoolReform', 'inspectionCount(year: Int!): Int!']);
  });

  it('resolves Teacher and School entities in the order of the representations', async () => {
    const r = await s.admin('query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Teacher { id } ... on School { id } } }', {
      r: [{ __typename: 'School', id: SCHOOL_B }, ...teacherReps(teachers.slice(0, 2)), { __typename: 'School', id: SCHOOL_A }],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data._entities).toEqual([
      { __typename: 'School', id: SCHOOL_B },
      { __typename: 'Teacher', id: teachers[0].id },
      { __typename: 'Teacher', id: teachers[1].id },
      { __typename: 'School', id: SCHOOL_A },
    ]);
  });

  it(`makes as many SQL statements for ${N} teacher entities with every governance field as for 5`, async () => {
    const count = async (n: number) => {
      const r = await s.admin(teacherEntities(TEACHER_FIELDS), { r: teacherReps(teachers.slice(0, n)) });
      expect(r.errors).toBeUndefined();
      expect(r.data._entities).toHaveLength(n);
      return { statements: r.extensions?.sqlStatements as number, entities: r.data._entities };
    };
    const five = await count(5);
    const many = await count(N);
    expect(five.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(five.statements);
    // ethics, violations, awards, ranks, appraisals now; eligibility's ethics and violations as recorded on the year's last day (their versions)
    expect(many.statements).toBeLessThanOrEqual(7);
    // the data really came back: vetoes, awards and ranks where they were written
    const vetoed = (i: number) => i % 7 === 0 || i % 50 === 0;
    expect(many.entities.map((t: { eligibility: { vetoed: boolean } }) => t.eligibility.vetoed)).toEqual(teachers.slice(0, N).map((_, i) => vetoed(i)));
    expect(many.entities.map((t: { awards: unknown[] }) => t.awards.length)).toEqual(teachers.slice(0, N).map((_, i) => (vetoed(i) ? 0 : 1)));
    expect(many.entities.map((t: { appraisal: { result: string } }) => t.appraisal.result)).toEqual(teachers.slice(0, N).map((_, i) => (i % 50 === 0 ? 'INCOMPETENT' : 'COMPETENT')));
    expect(many.entities[0].violations[0]).toEqual({ occurredOn: '2024-03-15', sanction: 'WARNING', negativeListItem: { code: '5', title: '关心爱护学生' }, period: { from: '2024-03-15', through: '2024-09-14' } });
    process.stdout.write(`governance on ${kind}: ${five.statements} SQL statements for 5 teacher entities, ${many.statements} for ${N}\n`);
  });

  it('answers eligibility for 1,000 teachers with two SQL statements, as for 5', async () => {
    const count = async (n: number) => {
      const r = await s.admin(ELIGIBILITY, { ids: teachers.slice(0, n).map((t) => t.id) });
      expect(r.errors).toBeUndefined();
      expect(r.data.eligibility.map((e: { teacherId: string }) => e.teacherId)).toEqual(teachers.slice(0, n).map((t) => t.id));
      return r.extensions?.sqlStatements as number;
    };
    expect(await count(5)).toBe(2);
    expect(await count(1000)).toBe(2);
    const service = s.as({ subject: 'service:professional-development', role: 'SERVICE' });
    const r = await service(ELIGIBILITY, { ids: teachers.map((t) => t.id) });
    expect(r.extensions?.sqlStatements).toBe(2);
  });

  it(`makes as many SQL statements for ${N} school entities as for 5`, async () => {
    const count = async (n: number) => {
      const reps = Array.from({ length: n }, (_, i) => ({ __typename: 'School', id: i === 0 ? SCHOOL_A : `school-${i}` }));
      const r = await s.as({ subject: 'a', role: 'ANALYST' })(SCHOOL_FIELDS, { r: reps });
      expect(r.errors).toBeUndefined();
      expect(r.data._entities[0]).toMatchObject({ id: SCHOOL_A, reformStatus: 'PILOT' });
      return r.extensions?.sqlStatements as number;
    };
    const five = await count(5);
    expect(await count(N)).toBe(five);
    expect(five).toBeLessThanOrEqual(2);
  });

  it('validates and writes 1,000 rows in a constant handful of statements and one directory request', async () => {
    const before = s.teacherLookups.length;
    const r = await s.admin(UPSERT_APPRAISALS, { rows: teachers.map((t) => ({ teacherId: t.id, year: 2023, result: 'COMPETENT' })) });
    expect(r.data.r).toMatchObject({ created: 1000, written: true });
    expect(s.teacherLookups.length - before).toBe(1);
    expect(r.extensions?.sqlStatements).toBeLessThanOrEqual(10);
  });
});
