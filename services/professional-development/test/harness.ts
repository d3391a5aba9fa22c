import { AppError, newId, staticTeacherDirectory, TeacherDirectoryEntry } from '@tw/kernel';
import { createTestDatabase, directClient, TestDatabaseKind, testClock, testKeys } from '@tw/kernel/testing';
import { EligibilityChecker, openProfessionalDevelopmentDatabase, startProfessionalDevelopment, TeacherEligibility } from '@tw/professional-development';

/** Two schools of a test district, and their teachers as personnel would answer for them. */
export const SCHOOL_A = newId();
export const SCHOOL_B = newId();

export function makeTeachers(n: number, schoolId: string, prefix = '教师'): TeacherDirectoryEntry[] {
  return Array.from({ length: n }, (_, i) => ({ id: newId(), name: `${prefix}${i + 1}`, status: 'IN_SERVICE', school: { id: schoolId, sponsor: 'PUBLIC' } }));
}

/**
 * Governance as this service sees it, for tests: vetoes by teacher and year, the calls it received,
 * and a switch that makes it unreachable.
 */
export class FakeGovernance implements EligibilityChecker {
  readonly calls: Array<{ ids: string[]; year: number }> = [];
  private readonly vetoes = new Map<string, string[]>();
  down = false;

  veto(teacherId: string, year: number, reasons: string[]): void {
    this.vetoes.set(`${teacherId}:${year}`, reasons);
  }

  async check(teacherIds: readonly string[], year: number): Promise<ReadonlyMap<string, TeacherEligibility>> {
    this.calls.push({ ids: [...teacherIds], year });
    if (this.down) throw new AppError('UNAVAILABLE', 'A call through the gateway failed: connect ECONNREFUSED 127.0.0.1:4000');
    return new Map(
      teacherIds.map((id) => {
        const reasons = this.vetoes.get(`${id}:${year}`);
        const purposes = (['EXCELLENT_APPRAISAL', 'AWARD', 'DESIGNATION', 'TITLE_PROMOTION'] as const).map((purpose) => ({ purpose, eligible: !reasons, reasons: reasons ?? [] }));
        return [id, { teacherId: id, vetoed: !!reasons, purposes }];
      }),
    );
  }
}

/** The professional-development subgraph on a fresh database of `kind`, reached directly (with the gateway secret). */
export async function startDevelopmentForTest(kind: TestDatabaseKind, teachers: readonly TeacherDirectoryEntry[]) {
  const db = await createTestDatabase(kind, 'pd');
  const ds = await openProfessionalDevelopmentDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
  const keys = testKeys();
  const governance = new FakeGovernance();
  const handle = await startProfessionalDevelopment({ dataSource: ds, keys, production: false, clock: testClock, directory: staticTeacherDirectory(teachers), eligibility: governance });
  const as = directClient(handle.url, keys);
  return {
    ds,
    url: handle.url,
    keys,
    governance,
    as,
    admin: as({ subject: 'district-admin', role: 'DISTRICT_ADMIN' }),
    stop: async () => {
      await handle.stop();
      await db.drop();
    },
  };
}

export type DevelopmentTestServer = Awaited<ReturnType<typeof startDevelopmentForTest>>;

const BULK_FIELDS = 'created updated unchanged rejected written dryRun rows { index key status id code message field }';
export const bulkMutation = (name: string, input: string) =>
  `mutation($rows: [${input}!]!, $options: BulkOptions) { r: ${name}(rows: $rows, options: $options) { ${BULK_FIELDS} } }`;
export const UPSERT_TRAININGS = bulkMutation('upsertTrainings', 'TrainingInput');
export const UPSERT_DESIGNATIONS = bulkMutation('upsertDesignations', 'DesignationInput');
export const UPSERT_STUDIOS = bulkMutation('upsertStudios', 'StudioInput');
export const UPSERT_LESSONS = bulkMutation('upsertLessons', 'LessonInput');
export const UPSERT_PAIRS = bulkMutation('upsertMentoringPairs', 'MentoringPairInput');

/** What each row came to: its rejection code, or its status. */
export const outcomes = (r: { rows: Array<{ status: string; code: string | null }> }) => r.rows.map((x) => x.code ?? x.status);

/** A training row (one participation) shaped like the 国内培训 sheet. */
export function trainingRow(teacherId: string, over: Record<string, unknown> = {}) {
  return { teacherId, year: 2024, level: 'COUNTY', projectName: '2024年区级中小学教师信息技术应用能力提升培训', provider: '区教师发展中心', mode: 'BLENDED', hours: 24, credits: 2, ...over };
}

/** `_entities` for Teacher representations carrying school { id }, as the gateway sends them for @requires fields. */
export const TEACHER_ENTITIES = (fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Teacher { id ${fields} } } }`;
export const teacherReps = (ts: readonly TeacherDirectoryEntry[]) => ts.map((t) => ({ __typename: 'Teacher', id: t.id, school: { id: t.school.id } }));
