import type { Clock } from '@tw/kernel';
import { createTestDatabase, directClient, makeIdNumber, TestDatabaseKind, testClock, testKeys } from '@tw/kernel/testing';
import { openPersonnelDatabase, startPersonnel } from '@tw/personnel';

/** The personnel subgraph on a fresh database of `kind`, reached directly (with the gateway secret); `clock` pins its day (default testClock). */
export async function startPersonnelForTest(kind: TestDatabaseKind, o: { clock?: Clock } = {}) {
  const db = await createTestDatabase(kind, 'personnel');
  const ds = await openPersonnelDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
  const keys = testKeys();
  const handle = await startPersonnel({ dataSource: ds, keys, production: false, clock: o.clock ?? testClock });
  const as = directClient(handle.url, keys);
  return {
    ds,
    url: handle.url,
    keys,
    as,
    admin: as({ subject: 'district-admin', role: 'DISTRICT_ADMIN' }),
    stop: async () => {
      await handle.stop();
      await db.drop();
    },
  };
}

export type PersonnelTestServer = Awaited<ReturnType<typeof startPersonnelForTest>>;

export function schoolRow(i: number, over: Record<string, unknown> = {}) {
  return { code: String(4101020000 + i), name: `测试第${i}小学`, type: 'PRIMARY', sponsor: i % 5 === 0 ? 'PRIVATE' : 'PUBLIC', ...over };
}

/** A valid teacher row for school `schoolCode`; `i` makes the ID number unique. */
export function teacherRow(i: number, schoolCode: string, over: Record<string, unknown> = {}) {
  const gender = i % 2 ? 'MALE' : 'FEMALE';
  const year = 1970 + (i % 30);
  const birthDate = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const idNumber = makeIdNumber({ birthDate, seq: i, gender, area: String(410100 + Math.floor(i / 500) + 1) });
  return {
    schoolCode,
    name: `教师${i}`,
    gender,
    idNumber,
    birthDate,
    ethnicity: 'HAN',
    politicalStatus: i % 3 === 0 ? 'CPC_MEMBER' : 'MASSES',
    workStartMonth: `${year + 22}-09`,
    schoolStartMonth: `${year + 23}-09`,
    inQuota: i % 10 !== 0,
    employmentForm: i % 10 === 0 ? 'CONTRACT' : null,
    professionalTitle: 'FIRST_GRADE',
    education: 'BACHELOR',
    teachingSubject: '语文',
    status: 'IN_SERVICE',
    ...over,
  };
}

export const UPSERT_SCHOOLS = `mutation($rows: [SchoolInput!]!, $options: BulkOptions) {
  upsertSchools(rows: $rows, options: $options) { created updated unchanged rejected written rows { index key status id code message field } }
}`;
export const UPSERT_TEACHERS = `mutation($rows: [TeacherInput!]!, $options: BulkOptions) {
  upsertTeachers(rows: $rows, options: $options) { created updated unchanged rejected written dryRun rows { index key status id code message field } }
}`;
