import { SchoolDirectoryEntry, staticSchoolDirectory, TeacherDirectory, TeacherDirectoryEntry } from '@tw/kernel';
import { createTestDatabase, directClient, TEST_YEAR, testClock, TestDatabaseKind, testKeys } from '@tw/kernel/testing';
import { openCompensationDatabase, startCompensation } from '@tw/compensation';

/** The current year in the users' calendar, and the last finished one. */
/** the service under test runs on testClock: this year is TEST_DATE's */
export const THIS_YEAR = TEST_YEAR;
export const LAST_YEAR = THIS_YEAR - 1;

/** A directory the test can change (a teacher moving school) and whose calls it can count. */
export function mutableDirectory(entries: readonly TeacherDirectoryEntry[]) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const calls: string[][] = [];
  const directory: TeacherDirectory = {
    lookup: async (ids) => {
      calls.push([...ids]);
      return new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!]));
    },
  };
  return { directory, byId, calls };
}

export const teacherEntry = (id: string, schoolId: string, o: { sponsor?: string; status?: string; name?: string } = {}): TeacherDirectoryEntry => ({
  id,
  name: o.name ?? `教师${id}`,
  status: o.status ?? 'IN_SERVICE',
  school: { id: schoolId, sponsor: o.sponsor ?? 'PUBLIC' },
});

/**
 * The compensation subgraph on a fresh database of `kind`, reached directly with the gateway secret
 * and the SQL-count header; personnel is a fixed directory of `teachers` and `schools`.
 */
export async function startCompensationForTest(kind: TestDatabaseKind, teachers: readonly TeacherDirectoryEntry[], schools: readonly SchoolDirectoryEntry[]) {
  const db = await createTestDatabase(kind, 'compensation');
  const ds = await openCompensationDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
  const keys = testKeys();
  const dir = mutableDirectory(teachers);
  const handle = await startCompensation({ dataSource: ds, keys, production: false, clock: testClock, directory: dir.directory, schools: staticSchoolDirectory(schools) });
  const as = directClient(handle.url, keys);
  return {
    ds,
    url: handle.url,
    keys,
    as,
    directory: dir,
    admin: as({ subject: 'district-admin', role: 'DISTRICT_ADMIN' }),
    analyst: as({ subject: 'analyst', role: 'ANALYST' }),
    schoolAdmin: (schoolId: string) => as({ subject: `clerk-${schoolId}`, role: 'SCHOOL_ADMIN', schoolId }),
    teacher: (teacherId: string) => as({ subject: `t-${teacherId}`, role: 'TEACHER', teacherId }),
    stop: async () => {
      await handle.stop();
      await db.drop();
    },
  };
}

export type CompensationTestServer = Awaited<ReturnType<typeof startCompensationForTest>>;

const BULK_FIELDS = 'created updated unchanged rejected written dryRun rows { index key status id code message field }';
export const UPSERT_PAY = `mutation($rows: [PayRecordInput!]!, $options: BulkOptions) { r: upsertPayRecords(rows: $rows, options: $options) { ${BULK_FIELDS} } }`;
export const UPSERT_TALENT = `mutation($rows: [TalentRecordInput!]!, $options: BulkOptions) { r: upsertTalentRecords(rows: $rows, options: $options) { ${BULK_FIELDS} } }`;
export const UPSERT_ALLOCATIONS = `mutation($rows: [PerformancePayAllocationInput!]!, $options: BulkOptions) { r: upsertPerformancePayAllocations(rows: $rows, options: $options) { ${BULK_FIELDS} } }`;
export const UPSERT_BENCHMARKS = `mutation($rows: [CivilServantBenchmarkInput!]!, $options: BulkOptions) { r: upsertCivilServantBenchmarks(rows: $rows, options: $options) { ${BULK_FIELDS} } }`;

/** A pay row whose monthly components fit its annual income. */
export const payRow = (teacherId: string, year: number, annualIncome: string | number, over: Record<string, unknown> = {}) => ({
  teacherId,
  year,
  annualIncome,
  basicMonthly: '3000.00',
  performanceMonthly: '2500.00',
  ...over,
});

/** `_entities` for Teacher representations carrying the school the fields @require. */
export const TEACHER_ENTITIES = (fields: string) =>
  `query($r: [_Any!]!) { _entities(representations: $r) { ... on Teacher { id ${fields} } } }`;
export const teacherRep = (id: string, schoolId: string) => ({ __typename: 'Teacher', id, school: { id: schoolId } });
