/**
 * A small district for the console's end-to-end tests: three schools, a roster each, and trainings,
 * designations and pay in three years, written through the gateway's bulk mutations as DISTRICT_ADMIN. Years are fixed (the
 * browser's clock is pinned inside the last of them), so what the dashboard shows does not depend on
 * the day the test runs.
 */
import { checkDigit } from '@tw/kernel';
import { caller } from '@tw/test';

export const YEARS = [2023, 2024, 2025] as const;
export const REPORT_YEAR = 2025;
/** the browser's clock: late in the report year, in China's time zone */
export const BROWSER_CLOCK = new Date('2025-11-20T10:00:00+08:00');

export const SCHOOLS = [
  { code: '4101020001', name: '中原区第一实验小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
  { code: '4101020002', name: '中原区第二初级中学', type: 'JUNIOR_HIGH', sponsor: 'PUBLIC' },
  { code: '4101020003', name: '中原区育才民办学校', type: 'NINE_YEAR', sponsor: 'PRIVATE' },
] as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['芳', '强', '敏', '静', '磊', '娜', '洋', '丽', '军', '婷', '杰', '霞'];
const SUBJECTS = ['语文', '数学', '英语', '物理', '体育', '音乐'];

/** A valid 居民身份证 number for a birth date and gender (odd 17th digit for men). */
export function idNumberFor(birthDate: string, serial: number, gender: 'MALE' | 'FEMALE'): string {
  const seq = `${String(serial % 100).padStart(2, '0')}${gender === 'MALE' ? '1' : '2'}`;
  const first17 = `410102${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + checkDigit(first17);
}

/** A teacher row, as TeacherInput and as a roster file's columns (the same keys). */
export function teacherRow(i: number, schoolCode?: string): Record<string, unknown> {
  const gender = i % 2 ? 'MALE' : 'FEMALE';
  const year = 1972 + (i % 24);
  const birthDate = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  return {
    ...(schoolCode ? { schoolCode } : {}),
    staffNo: `T${String(i).padStart(4, '0')}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i >= 60 ? GIVEN[i % GIVEN.length] : ''}`,
    gender,
    idType: 'RESIDENT_ID',
    idNumber: idNumberFor(birthDate, i, gender),
    birthDate,
    ethnicity: 'HAN',
    politicalStatus: i % 3 ? 'MASSES' : 'CPC_MEMBER',
    workStartMonth: `${year + 22}-09`,
    schoolStartMonth: `${year + 23}-09`,
    inQuota: i % 5 !== 0,
    employmentForm: i % 5 === 0 ? 'CONTRACT' : null,
    postCategory: 'TEACHING',
    professionalTitle: i % 4 ? 'FIRST_GRADE' : 'SENIOR',
    education: 'BACHELOR',
    teachingStage: '小学',
    teachingSubject: SUBJECTS[i % SUBJECTS.length],
    status: 'IN_SERVICE',
    statusCode: '100',
  };
}

export interface SeededDistrict {
  readonly schools: ReadonlyArray<{ id: string; code: string; name: string }>;
  readonly teachers: ReadonlyArray<{ id: string; name: string; schoolId: string }>;
}

/** Writes the district through the gateway; every bulk call must write every row. */
export async function seedDistrict(gatewayUrl: string, adminToken: string): Promise<SeededDistrict> {
  const gql = caller(gatewayUrl, adminToken);
  const bulk = async (mutation: string, type: string, rows: unknown[]) => {
    const r = await gql<Record<string, { rejected: number }>>(`mutation($rows: [${type}!]!) { ${mutation}(rows: $rows) { rejected } }`, { rows });
    if (r.errors?.length || r.data?.[mutation].rejected) throw new Error(`${mutation} did not write every row: ${r.text.slice(0, 600)}`);
  };
  await bulk('upsertSchools', 'SchoolInput', SCHOOLS.map((s) => ({ ...s })));
  // 14, 10 and 6 teachers: the comparison has an order to show
  const sizes = [14, 10, 6];
  let i = 0;
  const rows = SCHOOLS.flatMap((s, k) => Array.from({ length: sizes[k] }, () => teacherRow(i++, s.code)));
  await bulk('upsertTeachers', 'TeacherInput', rows);
  const read = await gql<{ schools: { nodes: Array<{ id: string; code: string; name: string }> }; teachers: { nodes: Array<{ id: string; name: string; school: { id: string } }> } }>(
    '{ schools(first: 100) { nodes { id code name } } teachers(first: 1000) { nodes { id name school { id } } } }',
  );
  const teachers = read.data!.teachers.nodes.map((t) => ({ id: t.id, name: t.name, schoolId: t.school.id }));
  // trainings: more each year, an ethics programme among them
  const trainings = YEARS.flatMap((year, y) =>
    teachers.slice(0, 10 + y * 8).map((t, k) => ({
      teacherId: t.id,
      year,
      level: k % 3 ? 'COUNTY' : 'PROVINCIAL',
      projectName: k % 4 ? `${year}年学科教学能力提升培训` : `${year}年师德师风专题培训`,
      mode: 'SHORT_FACE_TO_FACE',
      hours: 24 + (k % 3) * 8,
    })),
  );
  await bulk('upsertTrainings', 'TrainingInput', trainings);
  // designations, pay and the civil servants' benchmark: the share and parity figures have something to show
  await bulk('upsertDesignations', 'DesignationInput', teachers.slice(0, 9).map((t, k) => ({ teacherId: t.id, kind: k % 3 ? 'BACKBONE_TEACHER' : 'FAMOUS_TEACHER', level: 'DISTRICT', year: YEARS[k % YEARS.length] })));
  await bulk('upsertCivilServantBenchmarks', 'CivilServantBenchmarkInput', YEARS.map((year, y) => ({ year, averageAnnualPay: String(96000 + y * 3000) })));
  await bulk('upsertPayRecords', 'PayRecordInput', YEARS.flatMap((year, y) => teachers.map((t, k) => ({ teacherId: t.id, year, annualIncome: String(93000 + y * 4200 + (k % 7) * 1300) }))));
  return { schools: read.data!.schools.nodes, teachers };
}
