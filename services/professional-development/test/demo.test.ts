import { newId, Random, TeacherDirectoryEntry } from '@tw/kernel';
import { TEST_DATE, TEST_YEAR, testDatabaseKinds } from '@tw/kernel/testing';
import { DEMO_SEED, DemoContext, DemoSchoolRecord, DemoTeacherRecord, generateDistrict } from '@tw/demo';
import { professionalDevelopmentDemo } from '@tw/demo';
import { DevelopmentTestServer, startDevelopmentForTest } from './harness';

/** A slice of the demo district (its first schools), with the ids personnel would give them. */
function demoDistrict(schoolCount: number): { schools: DemoSchoolRecord[]; teachers: DemoTeacherRecord[] } {
  const d = generateDistrict(DEMO_SEED, TEST_DATE);
  const schools = d.schools.slice(0, schoolCount).map((s) => ({ ...s, id: newId() }));
  const idOf = new Map(schools.map((s) => [s.code, s.id]));
  const teachers = d.teachers
    .filter((t) => idOf.has(t.schoolCode))
    .map((t) => ({ ...t, id: newId(), schoolId: idOf.get(t.schoolCode)! }));
  return { schools, teachers };
}

describe.each(testDatabaseKinds())('the professional-development demo data on %s', (kind) => {
  const district = demoDistrict(12);
  const year = TEST_YEAR;
  let s: DevelopmentTestServer;

  beforeAll(async () => {
    const directory: TeacherDirectoryEntry[] = district.teachers.map((t) => ({
      id: t.id,
      name: t.name,
      status: t.status,
      school: { id: t.schoolId, sponsor: district.schools.find((x) => x.id === t.schoolId)!.sponsor },
    }));
    s = await startDevelopmentForTest(kind, directory);
  });
  afterAll(() => s.stop());

  it('loads without a single rejected row, in plausible volumes', async () => {
    const created: Record<string, number> = {};
    const ctx: DemoContext = {
      post: async () => {
        throw new Error('the demo writes through bulk only');
      },
      log: () => {},
      today: TEST_DATE,
      year,
      ...district,
      random: new Random(20261126),
      // as load.ts does: batches of 1,000, any rejected row fails the demo
      bulk: async (mutation, inputType, rows, label) => {
        let n = 0;
        for (let i = 0; i < rows.length; i += 1000) {
          const r = await s.admin(`mutation($rows: [${inputType}!]!) { r: ${mutation}(rows: $rows) { created rejected rows { index status code message } } }`, { rows: rows.slice(i, i + 1000) });
          if (r.errors) throw new Error(`${label}: ${r.errors[0].message}`);
          const bad = r.data.r.rows.find((x: { status: string }) => x.status === 'REJECTED');
          if (bad) throw new Error(`demo ${label}: row ${i + bad.index} rejected: ${bad.code} ${bad.message}`);
          n += r.data.r.created;
        }
        created[mutation] = n;
        return n;
      },
    };
    await professionalDevelopmentDemo(ctx);
    console.log(`demo on ${district.teachers.length} teachers: ${JSON.stringify(created)}`);

    const serving = district.teachers.filter((t) => t.status === 'IN_SERVICE' || t.status === 'NOT_AT_POST').length;
    expect(created.upsertTrainings / serving).toBeGreaterThan(8);
    expect(created.upsertTrainings / serving).toBeLessThan(15);
    const designated = (await s.admin(`{ designatedTeachers(year: ${year}, first: 1) { totalCount } }`)).data.designatedTeachers.totalCount;
    expect(designated / serving).toBeGreaterThan(0.05);
    expect(designated / serving).toBeLessThan(0.15);
    expect(created.upsertStudios).toBeGreaterThan(10);
    expect(created.upsertLessons).toBeGreaterThan(50);
    expect(created.upsertMentoringPairs).toBeGreaterThan(20);
    const levels = (await s.admin('{ trainingProgrammes(first: 1000) { nodes { level topic } } }')).data.trainingProgrammes.nodes as Array<{ level: string; topic: string }>;
    expect(new Set(levels.map((p) => p.level))).toEqual(new Set(['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY', 'SCHOOL']));
    expect(levels.map((p) => p.topic)).toEqual(expect.arrayContaining(['ETHICS', 'POLITICAL', 'IT', 'HOMEROOM', 'SUBJECT_TEACHING']));
  });
});
