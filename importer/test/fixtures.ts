import ExcelJS from 'exceljs';
import { DEFAULT_FILE_LIMITS, KindSpec, readKindFile } from '@tw/importer';
import { checkDigit } from '@tw/kernel';

/** A valid 居民身份证 number for a birth date and sex; `seq` (0–99) keeps numbers apart. */
export function idNumber(birthDate: string, seq: number, gender: 'MALE' | 'FEMALE'): string {
  const order = String((seq % 100) * 10 + (gender === 'MALE' ? 1 : 2)).padStart(3, '0');
  const first17 = `410102${birthDate.replace(/-/g, '')}${order}`;
  return first17 + checkDigit(first17);
}

/** `n` valid teacher rows (mutation-input shaped) of a school, distinct ID numbers. */
export function teacherInputs(n: number, schoolCode: string, from = 0): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const gender = i % 2 ? 'MALE' : 'FEMALE';
    const year = 1970 + (i % 25);
    const birthDate = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((Math.floor(i / 12) % 28) + 1).padStart(2, '0')}`;
    return {
      schoolCode,
      staffNo: `S${i}`,
      name: `教师${i}`,
      gender,
      idType: 'RESIDENT_ID',
      idNumber: idNumber(birthDate, Math.floor(i / 300), gender as 'MALE' | 'FEMALE'),
      birthDate,
      ethnicity: 'HAN',
      politicalStatus: i % 3 ? 'MASSES' : 'CPC_MEMBER',
      workStartMonth: `${year + 22}-09`,
      schoolStartMonth: `${year + 23}-09`,
      inQuota: i % 7 !== 0,
      employmentForm: i % 7 === 0 ? 'CONTRACT' : null,
      postCategory: 'TEACHING',
      professionalTitle: 'FIRST_GRADE',
      education: 'BACHELOR',
      teachingStage: '小学',
      teachingSubject: '语文',
      status: 'IN_SERVICE',
      statusCode: '100',
    };
  });
}

/** Writes a workbook built by `build` (ExcelJS, in memory: test files are small) to `file`. */
export async function workbook(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every event of reading `file` as `spec`: the header's sheet and the rows with their values and issues. */
export async function readAll(file: string, spec: KindSpec, o: { schoolGiven?: boolean; fileName?: string } = {}) {
  let sheet: string | undefined;
  type Issue = { code: string; column?: string; value?: string; message: string };
  const rows: Array<{ number: number; values: Record<string, unknown>; issues: Issue[]; warnings: Issue[] }> = [];
  for await (const ev of readKindFile(file, spec, { fileName: o.fileName ?? file, limits: DEFAULT_FILE_LIMITS, schoolGiven: o.schoolGiven ?? true })) {
    if (ev.type === 'header') sheet = ev.sheet;
    else rows.push({ number: ev.row.number, values: ev.row.values, issues: ev.row.issues, warnings: ev.row.warnings });
  }
  return { sheet, rows };
}
