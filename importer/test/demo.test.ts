/**
 * The demo district goes through the importer (npm start writes it as school files and uploads
 * them): every row every service's demo module produces must survive the trip as a cell in a file
 * of its kind, quirks included, and read back as the same mutation input.
 */
import { DEMO_SEED, DemoContext, DemoSchoolRecord, DemoTeacherRecord, generateDistrict, kindOfMutation, sheetRow } from '@tw/demo';
import { KindSpec, teachersKind, writeKindXlsx } from '@tw/importer';
import { Random } from '@tw/kernel';
import { TEST_DATE, TEST_YEAR } from '@tw/kernel/testing';
import { SERVICE_DEMOS, fileStyle, rosterStyle } from '@tw/demo';
import { readAll } from './fixtures';
import { tempFolder } from './harness';

const tmp = tempFolder('imp-demo');
afterAll(() => tmp.remove());

const YEAR = TEST_YEAR;
const district = generateDistrict(DEMO_SEED, TEST_DATE);

/** Values as a read row gives them: nothing for what a blank cell holds. */
const present = (o: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
/** Text as every service stores it (kernel cleanText): full-width forms made half-width. */
const stored = (o: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFKC').replace(/\s+/g, ' ').trim() : v]));

describe('the demo district as school files', () => {
  it('writes every school’s roster in its style (code-label values, dates as text or Excel dates, synonyms) and reads it back unchanged', async () => {
    for (const [i, school] of district.schools.slice(0, 6).entries()) {
      const teachers = district.teachers.filter((t) => t.schoolCode === school.code);
      const file = tmp.file(`roster-${school.code}.xlsx`);
      await writeKindXlsx(teachersKind, teachers, file, rosterStyle(school, i, YEAR));
      const { sheet, rows } = await readAll(file, teachersKind, { schoolGiven: true });
      expect(sheet).toBe('基本信息');
      expect(rows.filter((r) => r.issues.length)).toEqual([]);
      expect(rows.map((r) => r.values)).toEqual(teachers.map(({ schoolCode: _code, ...t }) => present({ ...t, idType: undefined, employmentForm: t.inQuota ? null : t.employmentForm })));
    }
  });

  it('turns every row of every service’s demo into a sheet row of its kind that reads back as the same input', async () => {
    // a slice of the district, with the ids personnel would give it
    const schools: DemoSchoolRecord[] = district.schools.slice(0, 10).map((s) => ({ ...s, id: `school-${s.code}` }));
    const teachers: DemoTeacherRecord[] = district.teachers
      .filter((t) => schools.some((s) => s.code === t.schoolCode))
      .map((t) => ({ ...t, id: `teacher-${t.idNumber}`, schoolId: `school-${t.schoolCode}`, professionalTitle: t.professionalTitle, postCategory: t.postCategory, teachingSubject: t.teachingSubject }));
    const calls: Array<{ mutation: string; rows: ReadonlyArray<Record<string, unknown>> }> = [];
    const ctx: DemoContext = {
      post: async () => {
        throw new Error('the demo modules write through bulk only');
      },
      log: () => undefined,
      today: TEST_DATE,
      year: YEAR,
      schools,
      teachers,
      random: new Random(20261126),
      bulk: async (mutation, _inputType, rows) => {
        calls.push({ mutation, rows: rows as ReadonlyArray<Record<string, unknown>> });
        return rows.length;
      },
    };
    for (const demo of SERVICE_DEMOS) await demo(ctx);
    expect(calls.map((c) => c.mutation)).toEqual([
      'upsertTrainings', 'upsertDesignations', 'upsertStudios', 'upsertLessons', 'upsertMentoringPairs',
      'upsertPayRecords', 'upsertCivilServantBenchmarks', 'upsertPerformancePayAllocations', 'upsertTalentRecords',
      'upsertViolations', 'upsertEthicsAssessments', 'upsertAppraisals', 'upsertAwards', 'upsertPrincipalRanks', 'upsertSchoolReforms', 'upsertInspectionItems', 'upsertInspectionEvents',
    ]);

    const byId = new Map(teachers.map((t) => [t.id, t]));
    const schoolById = new Map(schools.map((s) => [s.id, s]));
    const teacherByNumber = new Map(teachers.map((t) => [t.idNumber, t.id]));
    const schoolByCode = new Map(schools.map((s) => [s.code, s.id]));
    for (const [n, call] of calls.entries()) {
      const kind: KindSpec = kindOfMutation(call.mutation);
      const target = kind.targets.find((t) => t.mutation === call.mutation)!;
      const file = tmp.file(`${n}-${kind.kind}.xlsx`);
      await writeKindXlsx(kind, call.rows.map((r) => sheetRow(kind, r, byId, schoolById)), file, fileStyle(kind, YEAR));
      const { rows } = await readAll(file, kind, { schoolGiven: false });
      expect([call.mutation, rows.length, rows.filter((r) => r.issues.length).slice(0, 2)]).toEqual([call.mutation, call.rows.length, []]);
      rows.forEach((r, i) => {
        // the references as the importer resolves them: ID numbers to teachers, codes to schools
        const ids = Object.fromEntries((kind.teachers ?? []).filter((t) => typeof r.values[t.idNumberKey] === 'string').map((t) => [t.idField, teacherByNumber.get(r.values[t.idNumberKey] as string)!]));
        const schoolCode = kind.school ? ((r.values[kind.school.codeKey] ?? r.values[kind.school.nameKey]) as string | undefined) : undefined;
        const refs = { schoolId: schoolCode ? schoolByCode.get(schoolCode) : undefined, teacherId: Object.values(ids)[0], teachers: ids };
        const expected = stored(present(call.rows[i]));
        // a principal's school is written as the teacher's, which the input leaves to the service
        if (call.mutation === 'upsertPrincipalRanks') expected.schoolId = byId.get(expected.teacherId as string)!.schoolId;
        expect([call.mutation, i, target.toInput(r.values, refs)]).toEqual([call.mutation, i, expected]);
      });
    }
  });
});
