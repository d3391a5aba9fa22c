/**
 * The demo district is generated for a day given to it, never the machine's: the same seed and day
 * give the same records, none dated after the day, and the controls the process tests rely on (every
 * public school has awards of two of its teachers) exist on any day of the year.
 */
import { DEMO_SEED, DemoContext, DemoSchoolRecord, DemoTeacherRecord, generateDistrict, governanceDemo } from '@tw/demo';
import { Random } from '@tw/kernel';
import { TEST_DATE } from '@tw/kernel/testing';

type Row = Record<string, unknown>;

/** The governance demo's rows for a district generated as of `today`, by mutation. */
async function governanceRows(today: string): Promise<{ schools: DemoSchoolRecord[]; teachers: DemoTeacherRecord[]; rows: Map<string, Row[]> }> {
  const d = generateDistrict(DEMO_SEED, today);
  const schools: DemoSchoolRecord[] = d.schools.map((s) => ({ ...s, id: `school-${s.code}` }));
  const teachers: DemoTeacherRecord[] = d.teachers.map((t) => ({ ...t, id: `teacher-${t.idNumber}`, schoolId: `school-${t.schoolCode}` }));
  const rows = new Map<string, Row[]>();
  const ctx: DemoContext = {
    post: async () => {
      throw new Error('the demo writes through bulk only');
    },
    log: () => undefined,
    today,
    year: Number(today.slice(0, 4)),
    schools,
    teachers,
    random: new Random(20261126),
    bulk: async (mutation, _inputType, written) => {
      rows.set(mutation, [...(rows.get(mutation) ?? []), ...(written as Row[])]);
      return written.length;
    },
  };
  await governanceDemo(ctx);
  return { schools, teachers, rows };
}

describe('the demo district, as of a given day', () => {
  it('is the same for the same seed and day, whatever day the machine has', () => {
    expect(generateDistrict(DEMO_SEED, TEST_DATE)).toEqual(generateDistrict(DEMO_SEED, TEST_DATE));
    // a year later the teachers are a year older: the day is an input, not the machine's
    const birthYears = (today: string) => generateDistrict(DEMO_SEED, today).teachers.map((t) => Number(t.birthDate.slice(0, 4)));
    expect(birthYears('2027-12-03')).toEqual(birthYears(TEST_DATE).map((y) => y + 1));
  });

  it.each([TEST_DATE, '2027-01-01', '2027-09-09', '2027-09-10', '2028-12-31'])('gives every public school awards of two of its teachers, none after the day, as of %s', async (today) => {
    const { schools, teachers, rows } = await governanceRows(today);
    const schoolOf = new Map(teachers.map((t) => [t.id, t.schoolId]));
    const awards = rows.get('upsertAwards') ?? [];
    const awardedBySchool = new Map<string, Set<unknown>>();
    for (const a of awards) awardedBySchool.set(schoolOf.get(a.teacherId as string)!, (awardedBySchool.get(schoolOf.get(a.teacherId as string)!) ?? new Set()).add(a.teacherId));
    const publicSchools = schools.filter((s) => s.sponsor === 'PUBLIC');
    expect(publicSchools.length).toBeGreaterThan(30);
    expect(publicSchools.filter((s) => (awardedBySchool.get(s.id)?.size ?? 0) < 2).map((s) => s.name)).toEqual([]);
    // nothing the services would refuse as later than their day
    const dated = [...rows.values()].flat().flatMap((r) => ['awardedOn', 'occurredOn', 'revokedOn', 'heldOn', 'completedOn', 'pilotStartedOn'].map((k) => r[k]).filter((v): v is string => typeof v === 'string'));
    expect(dated.length).toBeGreaterThan(awards.length);
    expect(dated.filter((d) => d > today)).toEqual([]);
  });
});
