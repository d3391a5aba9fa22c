import { SchoolDirectory, SchoolDirectoryEntry, TeacherDirectory, TeacherDirectoryEntry } from '@tw/kernel';
import { createTestDatabase, directClient, TestDatabaseKind, testClock, testKeys } from '@tw/kernel/testing';
import { openGovernanceDatabase, startGovernance } from '@tw/governance';

export const SCHOOL_A = 'school-a';
export const SCHOOL_B = 'school-b';

/**
 * The governance subgraph on a fresh database of `kind`, reached directly (with the gateway secret),
 * with personnel replaced by in-memory directories the test fills (`addTeacher`, `addSchool`).
 */
export async function startGovernanceForTest(kind: TestDatabaseKind) {
  const db = await createTestDatabase(kind, 'governance');
  const ds = await openGovernanceDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
  const keys = testKeys();
  const teachers = new Map<string, TeacherDirectoryEntry>();
  const schools = new Map<string, SchoolDirectoryEntry>([
    [SCHOOL_A, { id: SCHOOL_A, name: '测试第一小学', sponsor: 'PUBLIC' }],
    [SCHOOL_B, { id: SCHOOL_B, name: '测试第二小学', sponsor: 'PUBLIC' }],
  ]);
  /** the ids each directory call asked for */
  const teacherLookups: string[][] = [];
  const directory: TeacherDirectory = {
    lookup: async (ids) => {
      teacherLookups.push([...ids]);
      return new Map(ids.filter((id) => teachers.has(id)).map((id) => [id, teachers.get(id)!]));
    },
  };
  const schoolDirectory: SchoolDirectory = {
    lookup: async (ids) => new Map(ids.filter((id) => schools.has(id)).map((id) => [id, schools.get(id)!])),
    count: async () => schools.size,
  };
  const handle = await startGovernance({ dataSource: ds, keys, production: false, clock: testClock, directory, schoolDirectory });
  const as = directClient(handle.url, keys);
  return {
    kind,
    ds,
    url: handle.url,
    keys,
    as,
    admin: as({ subject: 'district-admin', role: 'DISTRICT_ADMIN' }),
    teacherLookups,
    addTeacher(id: string, schoolId = SCHOOL_A, name = `教师${id}`, status = 'IN_SERVICE'): string {
      teachers.set(id, { id, name, status, school: { id: schoolId, sponsor: 'PUBLIC' } });
      return id;
    },
    addSchool(id: string, name: string): string {
      schools.set(id, { id, name, sponsor: 'PUBLIC' });
      return id;
    },
    stop: async () => {
      await handle.stop();
      await db.drop();
    },
  };
}

export type GovernanceTestServer = Awaited<ReturnType<typeof startGovernanceForTest>>;

const BULK_FIELDS = 'submitted submission { id } created updated unchanged rejected written dryRun rows { index key status id code message field }';
export const upsert = (mutation: string, input: string) => `mutation($rows: [${input}!]!, $options: BulkOptions) { r: ${mutation}(rows: $rows, options: $options) { ${BULK_FIELDS} } }`;
export const UPSERT_ETHICS = upsert('upsertEthicsAssessments', 'EthicsAssessmentInput');
export const UPSERT_VIOLATIONS = upsert('upsertViolations', 'ViolationInput');
export const UPSERT_APPRAISALS = upsert('upsertAppraisals', 'AppraisalInput');
export const UPSERT_AWARDS = upsert('upsertAwards', 'AwardInput');
export const UPSERT_RANKS = upsert('upsertPrincipalRanks', 'PrincipalRankInput');
export const UPSERT_REFORMS = upsert('upsertSchoolReforms', 'SchoolReformInput');
export const UPSERT_ITEMS = upsert('upsertInspectionItems', 'InspectionItemInput');
export const UPSERT_EVENTS = upsert('upsertInspectionEvents', 'InspectionEventInput');

export interface Row {
  index: number;
  key: string;
  status: string;
  id: string | null;
  code: string | null;
  message: string | null;
  field: string | null;
}

/** Each row as its code when it has one (a rejection or a notice), else its status. */
export const outcomes = (rows: Row[]) => rows.map((r) => r.code ?? r.status);

/** An `_entities` query for teachers asking `fields` of each. */
export const teacherEntities = (fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Teacher { id ${fields} } } }`;

/** Teacher representations as the gateway sends them for fields that @requires the school. */
export const teacherReps = (ts: ReadonlyArray<{ id: string; schoolId: string }>) => ts.map((t) => ({ __typename: 'Teacher', id: t.id, school: { id: t.schoolId } }));
