import { TEST_DATE, testDatabaseKinds, tokenFor } from '@tw/kernel/testing';
import { generateDistrict } from '@tw/demo';
import { SchoolWithQuotaDocument, TeachersPageDocument } from '@tw/schema';
import { Platform, startPlatform } from '../src/platform';

const UPSERT = (name: string, input: string) =>
  `mutation($rows: [${input}!]!) { r: ${name}(rows: $rows) { created updated unchanged rejected written rows { index status code message } } }`;

describe.each(testDatabaseKinds())('the platform through the gateway on %s', (kind) => {
  let p: Platform;
  const district = generateDistrict(7, TEST_DATE);

  beforeAll(async () => {
    p = await startPlatform(kind);
    const schools = await p.admin(UPSERT('upsertSchools', 'SchoolInput'), { rows: district.schools });
    expect(schools.data.r.rejected).toBe(0);
    for (let i = 0; i < district.teachers.length; i += 1000) {
      const t = await p.admin(UPSERT('upsertTeachers', 'TeacherInput'), { rows: district.teachers.slice(i, i + 1000) });
      expect(t.errors).toBeUndefined();
      expect(t.data.r.rejected).toBe(0);
    }
  });
  afterAll(() => p.stop());

  it('answers a page of teachers with their schools', async () => {
    const r = await p.admin('{ teachers(first: 3) { totalCount nodes { name idNumber school { name sponsor } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.teachers.totalCount).toBe(district.teachers.length);
    expect(r.data.teachers.nodes[0].idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it('answers the typed documents codegen makes (the client contract)', async () => {
    const page = await p.admin(TeachersPageDocument, { first: 2, filter: { serving: true } });
    expect(page.errors).toBeUndefined();
    const first = page.data!.teachers.nodes[0];
    expect(first.school.sponsor === 'PUBLIC' || first.school.sponsor === 'PRIVATE').toBe(true);
    const next = await p.admin(TeachersPageDocument, { first: 2, after: page.data!.teachers.pageInfo.endCursor });
    expect(next.data!.teachers.nodes[0].id > page.data!.teachers.nodes[1].id).toBe(true);
    const school = await p.admin(SchoolWithQuotaDocument, { id: first.school.id, year: 2026 });
    expect(school.data!.school!.teacherCount).toBeGreaterThan(0);
  });

  it('makes a constant number of SQL statements for teachers(first: 500) with school fields', async () => {
    const q = (n: number) => `{ teachers(first: ${n}) { nodes { id name gender professionalTitle school { id name code type teacherCount } } } }`;
    const count = async (n: number) => {
      const before = p.statements();
      const r = await p.admin(q(n));
      expect(r.errors).toBeUndefined();
      expect(r.data.teachers.nodes).toHaveLength(n);
      const after = p.statements();
      // the importer's job worker polls its own database on a timer, whatever the request: not part of this count
      return Object.fromEntries(Object.keys(after).filter((k) => k !== 'importer').map((k) => [k, after[k] - before[k]]));
    };
    const five = await count(5);
    const fiveHundred = await count(500);
    expect(fiveHundred).toEqual(five);
    expect(fiveHundred.personnel).toBeLessThanOrEqual(4);
    console.log(`SQL statements for teachers(first: 500) with school fields on ${kind}: ${JSON.stringify(fiveHundred)}`);
  });

  it('keeps a SCHOOL_ADMIN to their own school and shows an ANALYST no ID numbers', async () => {
    const schools = (await p.admin('{ schools(first: 2) { nodes { id } } }')).data.schools.nodes;
    const clerk = p.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: schools[0].id });
    const own = await clerk('{ teachers(first: 1000) { nodes { school { id } } } }');
    expect(own.errors).toBeUndefined();
    expect(new Set(own.data.teachers.nodes.map((t: { school: { id: string } }) => t.school.id))).toEqual(new Set([schools[0].id]));
    const other = await clerk(`{ school(id: "${schools[1].id}") { teachers { nodes { id } } } }`);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const analyst = p.as({ subject: 'analyst', role: 'ANALYST' });
    const a = await analyst('{ teachers(first: 5) { nodes { idNumber } } }');
    expect(a.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(a)).not.toMatch(/\d{17}[\dX]/);
  });

  it('refuses a request sent straight to a subgraph without the gateway secret', async () => {
    for (const s of p.services) {
      const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(res.status).toBe(403);
    }
  });

  it('serves the federation contract of every subgraph: _service { sdl } and _entities', async () => {
    const teacher = (await p.admin('{ teachers(first: 1) { nodes { id school { id } } } }')).data.teachers.nodes[0];
    // the importer's subgraph resolves no entity (it answers importJob and importJobs only)
    for (const s of p.services.filter((x) => x.name !== 'importer')) {
      const res = await fetch(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gateway-secret': p.keys.gatewaySecret, authorization: `Bearer ${tokenFor(p.keys, { subject: 'district-admin', role: 'DISTRICT_ADMIN' })}` },
        body: JSON.stringify({
          query: 'query($r: [_Any!]!) { _service { sdl } _entities(representations: $r) { __typename ... on Teacher { id } ... on School { id } } }',
          variables: { r: [{ __typename: 'Teacher', id: teacher.id }, { __typename: 'School', id: teacher.school.id }] },
        }),
      });
      const body = (await res.json()) as { data: { _service: { sdl: string }; _entities: Array<{ __typename: string; id: string }> } };
      expect(body.data._service.sdl).toContain('@key(fields: "id")');
      expect(body.data._entities).toEqual([
        { __typename: 'Teacher', id: teacher.id },
        { __typename: 'School', id: teacher.school.id },
      ]);
    }
  });
});

