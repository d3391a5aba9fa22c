import ExcelJS from 'exceljs';
import { CellValue } from '../spec/cell';
import { ColumnSpec, KindSpec } from '../spec/kind-spec';
import { appraisalsKind, awardsKind, designationsKind, ethicsKind, payKind, rotationsKind, teachersKind, trainingsKind } from '../kinds';
import { GatewayCallError, GraphQLCaller } from '../jobs/gateway-caller';
import { neutralise } from '../report/neutralise';
import { systemClock } from '@tw/kernel';

/** Teachers a page asks for: each brings its records of every sheet, so keep the page (and the gateway's cost) modest. */
const PAGE = 200;

type Input = Record<string, unknown>;
type TeacherNode = Record<string, unknown> & { name: string; idType: string; idNumber: string };

/** The teacher columns every record sheet starts with, as an input row names them. */
const who = (t: TeacherNode): Input => ({ name: t.name, idType: t.idType, idNumber: t.idNumber });

const inYear = (date: unknown, year: number) => typeof date === 'string' && date.startsWith(`${year}-`);

/**
 * One sheet of the national template: the kind whose columns (and headers) it uses, the fields of a
 * teacher it needs (one service's, so a service that is down costs only its sheets), and the rows a
 * teacher gives for the year.
 */
interface NationalSheet {
  readonly spec: KindSpec;
  readonly name: string;
  readonly fields: string;
  rows(t: TeacherNode, year: number): Input[];
}

const TEACHER_FIELDS =
  'staffNo name gender idType idNumber birthDate ethnicity politicalStatus workStartMonth schoolStartMonth inQuota employmentForm postCategory professionalTitle education teachingStage teachingSubject status statusCode statusDetail extraFields { name value }';

/**
 * The sub-sets of the national teacher management system the platform holds, in the system's order.
 * Each sheet has its kind's columns, so the importer reads the workbook back as it wrote it.
 */
export const NATIONAL_SHEETS: readonly NationalSheet[] = [
  {
    spec: teachersKind,
    name: '基本信息',
    fields: TEACHER_FIELDS,
    rows: (t) => [{ ...t, extra: t.extraFields }],
  },
  {
    spec: trainingsKind,
    name: '国内培训',
    fields: 'trainings(year: $year) { hours credits programme { year level name provider mode topic topicInferred } }',
    rows: (t) =>
      ((t.trainings as Input[] | null) ?? []).map((p) => {
        const g = p.programme as Input;
        // an inferred topic stays inferred: writing it would make it the file's
        return { ...who(t), year: g.year, level: g.level, projectName: g.name, provider: g.provider, mode: g.mode, hours: p.hours, credits: p.credits, topic: g.topicInferred ? null : g.topic };
      }),
  },
  {
    spec: ethicsKind,
    name: '师德信息',
    fields: 'ethics(year: $year) { year result } violations { occurredOn reasonText negativeListItem { code title } sanction revokedOn description }',
    rows: (t, year) => {
      const a = t.ethics as Input | null;
      const assessment = a ? { assessmentYear: a.year, assessmentResult: a.result } : {};
      const violations = ((t.violations as Input[] | null) ?? []).filter((v) => inYear(v.occurredOn, year));
      if (!violations.length) return a ? [{ ...who(t), ...assessment }] : [];
      // the year's assessment repeated on each violation row, as the national sheet has it
      return violations.map((v) => {
        const item = v.negativeListItem as { code: string; title: string } | null;
        return { ...who(t), ...assessment, occurredOn: v.occurredOn, negativeListItem: item ? `${item.code}-${item.title}` : v.reasonText, sanction: v.sanction, revokedOn: v.revokedOn, description: v.description };
      });
    },
  },
  {
    spec: appraisalsKind,
    name: '年度考核',
    fields: 'appraisal(year: $year) { year result requestedResult appraiser }',
    // what was submitted: the stored result may have been forced to 不合格 by the ethics result, and is again on import
    rows: (t) => {
      const a = t.appraisal as Input | null;
      return a ? [{ ...who(t), year: a.year, result: a.requestedResult ?? a.result, appraiser: a.appraiser }] : [];
    },
  },
  {
    spec: awardsKind,
    name: '荣誉信息',
    fields: 'awards { title level awardedOn issuer }',
    rows: (t, year) => ((t.awards as Input[] | null) ?? []).filter((a) => inYear(a.awardedOn, year)).map((a) => ({ ...who(t), ...a })),
  },
  {
    spec: designationsKind,
    name: '入选人才项目',
    fields: 'designations { kind level year validUntil issuer validIn(year: $year) }',
    rows: (t) => ((t.designations as Input[] | null) ?? []).filter((d) => d.validIn).map(({ validIn: _valid, ...d }) => ({ ...who(t), ...d })),
  },
  {
    spec: rotationsKind,
    name: '交流轮岗',
    fields: 'rotations { type personnelRelationMoved startMonth endMonth fromSchoolName toSchoolName }',
    rows: (t, year) =>
      ((t.rotations as Input[] | null) ?? [])
        .filter((r) => String(r.startMonth) <= `${year}-12` && (!r.endMonth || String(r.endMonth) >= `${year}-01`))
        .map((r) => ({ ...who(t), ...r })),
  },
  {
    spec: payKind,
    name: '基本待遇',
    fields: 'pay(year: $year) { year annualIncome basicMonthly performanceMonthly ruralSubsidyMonthly otherAllowanceMonthly otherMonthly }',
    rows: (t) => (t.pay ? [{ ...who(t), ...(t.pay as Input) }] : []),
  },
];

/** A sheet's rows for a school and year, or why the sheet is missing (its service did not answer). */
export type SheetRows = { readonly sheet: NationalSheet; readonly rows: Input[]; readonly extraTitles: string[] } | { readonly sheet: NationalSheet; readonly missing: string };

/** The national form of a coded value: `code-label` when the table has codes (1-男, 40-县级), else the label. */
function nationalCell(c: ColumnSpec, input: Input): CellValue {
  const table = c.type.table;
  const value = c.pick ? c.pick(input) : input[c.key];
  if (table && typeof value === 'string' && table.has(value)) {
    const code = table.code(value);
    return code ? `${code}-${table.label(value)}` : table.label(value);
  }
  return c.type.format(value);
}

/**
 * Reads a school's records of a year sheet by sheet, a page of teachers at a time through the
 * gateway, with the caller's access (a SCHOOL_ADMIN reads their own school only). A sheet whose
 * service refuses or is not in the supergraph is reported missing; the others are written.
 */
export async function schoolRecords(gateway: GraphQLCaller, schoolId: string, year: number): Promise<SheetRows[]> {
  const out: SheetRows[] = [];
  for (const sheet of NATIONAL_SHEETS) {
    const fields = sheet.fields === TEACHER_FIELDS ? TEACHER_FIELDS : `name idType idNumber ${sheet.fields}`;
    // GraphQL refuses a variable the document does not use
    const yearVar = fields.includes('$year') ? ', $year: Int!' : '';
    const query = `query NationalExport($school: ID!${yearVar}, $after: String) { teachers(first: ${PAGE}, after: $after, filter: { schoolId: $school }) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`;
    const rows: Input[] = [];
    const extraTitles = new Set<string>();
    try {
      for (let after: string | null = null; ; ) {
        const d: { teachers: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: TeacherNode[] } } = await gateway.request(query, { school: schoolId, after, ...(yearVar ? { year } : {}) });
        for (const t of d.teachers.nodes) {
          for (const r of sheet.rows(t, year)) rows.push(r);
          if (sheet.fields === TEACHER_FIELDS) for (const e of (t.extraFields as Array<{ name: string }> | null) ?? []) extraTitles.add(e.name);
        }
        if (!d.teachers.pageInfo.hasNextPage) break;
        after = d.teachers.pageInfo.endCursor;
      }
      out.push({ sheet, rows, extraTitles: [...extraTitles] });
    } catch (e) {
      if (!(e instanceof GatewayCallError)) throw e;
      // a refusal of the whole request (no such school, no access) is the caller's, not one sheet's
      if (e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED' || e.code === 'GATEWAY_UNREACHABLE') throw e;
      out.push({ sheet, missing: e.message });
    }
  }
  return out;
}

/**
 * One school's workbook in the national templates: a sheet per sub-set with the national column
 * names (a leading * on required ones) and code forms (`code-label`), ID numbers as text, and a 说明
 * sheet saying what it holds. The school is the workbook's, so the school columns are left out: it is
 * imported back for its school (`--school`). Cells are neutralised like every workbook the platform
 * writes. Small (one school), so built in memory.
 */
export async function nationalWorkbook(school: { code: string; name: string }, year: number, sheets: readonly SheetRows[], now = systemClock.now()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'teacher-workforce-platform';
  const notes: string[] = [`${school.name}（学校标识码 ${school.code}）${year} 年的教师数据，按全国教师管理信息系统的导入模板整理，生成于 ${now.toISOString().slice(0, 10)}。`];
  for (const s of sheets) {
    if ('missing' in s) {
      notes.push(`“${s.sheet.name}”：本次未能读取（${s.missing}），未生成该工作表。`);
      continue;
    }
    const columns = s.sheet.spec.columns.filter((c) => !s.sheet.spec.school || (c.key !== s.sheet.spec.school.codeKey && c.key !== s.sheet.spec.school.nameKey));
    const ws = wb.addWorksheet(s.sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const titles = [...columns.map((c) => `${c.required === true ? '*' : ''}${c.header}`), ...s.extraTitles];
    ws.columns = titles.map((t, i) => ({ width: Math.max(12, t.length * 2 + 4), style: columns[i] && /idNumber|IdNumber|staffNo/.test(columns[i].key) ? { numFmt: '@' } : {} }));
    const head = ws.addRow(titles.map((t) => neutralise(t)));
    head.font = { bold: true };
    for (const input of s.rows) {
      const extra = new Map(((input.extra as Array<{ name: string; value: string }> | null) ?? []).map((e) => [e.name, e.value]));
      ws.addRow([...columns.map((c) => neutralise(nationalCell(c, input))), ...s.extraTitles.map((t) => neutralise(extra.get(t) ?? null))]);
    }
    notes.push(`“${s.sheet.name}”：${s.rows.length} 行，按“${s.sheet.spec.title}”（${s.sheet.spec.kind}）导入。`);
  }
  notes.push('本文件可直接导入本平台：每个工作表按对应类型导入（基本信息须指明学校，如 npm run import -- teachers 本文件.xlsx --school 学校标识码）；重新导入不会产生重复记录。');
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 120 }];
  for (const n of notes) info.addRow([n]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
