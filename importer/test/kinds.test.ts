/**
 * Every kind beyond personnel's, imported through the gateway into the subgraph that owns it (all of
 * them running, on SQLite and, with TEST_MYSQL_URL, MariaDB), from real .xlsx files built here:
 * a good file imports; the same file with one bad row writes nothing and the report names that
 * row, its column and the rule (the kind's own rules, most of them the subgraph's); importing the
 * good file again changes nothing. Then the rules across rows (ethics rows carrying two records,
 * studios repeated on member rows) and the two sample files.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  appraisalsKind,
  awardsKind,
  benchmarksKind,
  designationsKind,
  ethicsKind,
  inspectionCatalogueKind,
  inspectionsKind,
  KindSpec,
  lessonsKind,
  mentoringKind,
  payKind,
  performancePayKind,
  principalRanksKind,
  reformsKind,
  schoolsKind,
  studiosKind,
  talentKind,
  teachersKind,
  trainingsKind,
  writeKindXlsx,
} from '@tw/importer';
import type { SchoolFileOptions } from '@tw/importer';
import { TEST_YEAR, testDatabaseKinds } from '@tw/kernel/testing';
import { readAll, teacherInputs } from './fixtures';
import { ImportPlatform, OtherService, SAMPLES, startImportPlatform, tempFolder } from './harness';

const SCHOOLS = [
  { code: '4101020001', name: '中原区第一实验小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
  { code: '4101020002', name: '中原区第二实验小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
  { code: '4101020003', name: '中原区第三初级中学', type: 'JUNIOR_HIGH', sponsor: 'PUBLIC' },
  { code: '4101020009', name: '中原区英才双语学校', type: 'PRIMARY', sponsor: 'PRIVATE' },
  { code: '4101060001', name: '上街区中心路小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
];

/** The roster every kind below names: 40 teachers of the first school. */
const T = teacherInputs(40, '4101020001', 700).map((t) => ({ ...t, name: t.name as string, idNumber: t.idNumber as string }));
const who = (i: number) => ({ name: T[i].name, idNumber: T[i].idNumber });
const FIRST_STUDIO = `${T[6].name}语文名师工作室`;
const SECOND_STUDIO = `${T[7].name}名班主任工作室`;

type Row = Record<string, unknown>;

/** A kind's case: good rows, the one bad row (replacing or added), what the report says of it, and the table(s) its records live in. */
interface KindCase {
  readonly spec: KindSpec;
  readonly service: OtherService;
  readonly tables: readonly string[];
  readonly rows: readonly Row[];
  /** records the good file stores (default: one per row) */
  readonly records?: number;
  readonly bad: { readonly replace?: number; readonly row: Row; readonly column: string; readonly code: string; readonly message?: RegExp };
  readonly file?: SchoolFileOptions;
}

const CASES: readonly KindCase[] = [
  {
    spec: trainingsKind,
    service: 'professional-development',
    tables: ['training_participation'],
    rows: [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ ...who(i), year: 2025, level: 'COUNTY', projectName: '2025年区级班主任培训', provider: '中原区教师发展中心', mode: 'SHORT_FACE_TO_FACE', hours: 16, credits: 2, topic: 'HOMEROOM' })),
      ...[0, 1, 2, 3, 4].map((i) => ({ ...who(i), year: 2025, level: 'MUNICIPAL', projectName: '2025年师德师风专题培训', mode: 'ONLINE', hours: 6 })),
    ],
    bad: { replace: 3, row: { ...who(3), year: 2025, level: 'COUNTY', projectName: '2025年区级班主任培训', mode: 'SHORT_FACE_TO_FACE', hours: '12.5' }, column: '培训获得学时', code: 'NOT_AN_INTEGER' },
    // codes as the national template writes them, and a title row
    file: { title: '2025年度教师培训登记表', cell: (key, _input, v) => (key === 'level' && v === '县级' ? '40-县级' : key === 'mode' && v === '网络研修' ? '3' : undefined) },
  },
  {
    spec: designationsKind,
    service: 'professional-development',
    tables: ['designation'],
    rows: [
      ...[0, 1, 2, 3, 4, 5].map((i) => ({ ...who(i), kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: 2023, validUntil: '2026-12-31', issuer: '郑州市中原区教育局' })),
      { ...who(6), kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', year: 2022, issuer: '郑州市教育局' },
      { ...who(7), kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', year: 2024, validUntil: '2027' },
    ],
    bad: { replace: 2, row: { ...who(2), kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: 2023, validUntil: '2020-06-30' }, column: '有效期至', code: 'EXPIRY_BEFORE_YEAR' },
  },
  {
    spec: studiosKind,
    service: 'professional-development',
    tables: ['studio', 'studio_member'],
    rows: [
      ...[10, 11, 12, 13].map((m) => ({ name: FIRST_STUDIO, kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', hostName: T[6].name, hostIdNumber: T[6].idNumber, foundedYear: 2023, memberName: T[m].name, memberIdNumber: T[m].idNumber })),
      { name: SECOND_STUDIO, kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', hostIdNumber: T[7].idNumber, foundedYear: 2024 },
      ...[14, 15].map((m) => ({ name: SECOND_STUDIO, kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', hostIdNumber: T[7].idNumber, foundedYear: 2024, memberIdNumber: T[m].idNumber })),
    ],
    // 2 studios and 6 members
    records: 8,
    // a host without the designation a studio of its kind needs
    bad: { row: { name: `${T[8].name}名师工作室`, kind: 'FAMOUS_TEACHER', level: 'DISTRICT', hostName: T[8].name, hostIdNumber: T[8].idNumber, foundedYear: 2024 }, column: '主持人身份证件号', code: 'HOST_NOT_QUALIFIED' },
  },
  {
    spec: lessonsKind,
    service: 'professional-development',
    tables: ['lesson'],
    rows: [
      { date: '2025-10-16', teacherName: T[6].name, teacherIdNumber: T[6].idNumber, title: '《春》的景物描写', subject: '语文', kind: 'DEMONSTRATION', studioName: FIRST_STUDIO, observers: 40 },
      { date: '2025-11-05', teacherIdNumber: T[10].idNumber, title: '比喻句的妙用', subject: '语文', kind: 'OPEN', observers: 25 },
      { date: '2025-05-20', teacherName: T[11].name, teacherIdNumber: T[11].idNumber, title: '古诗词中的月亮', kind: 'OBSERVATION', studioName: FIRST_STUDIO },
    ],
    bad: { row: { date: '2025-12-01', teacherIdNumber: T[12].idNumber, title: '整本书阅读', kind: 'OPEN', studioName: '没有登记的工作室' }, column: '工作室名称', code: 'STUDIO_NOT_FOUND' },
  },
  {
    spec: mentoringKind,
    service: 'professional-development',
    tables: ['mentoring_pair'],
    rows: [
      { mentorName: T[6].name, mentorIdNumber: T[6].idNumber, menteeName: T[16].name, menteeIdNumber: T[16].idNumber, startDate: '2025-09-01', endDate: '2026-07-15' },
      { mentorName: T[7].name, mentorIdNumber: T[7].idNumber, menteeName: T[17].name, menteeIdNumber: T[17].idNumber, startDate: '2025-09-01' },
    ],
    bad: { row: { mentorName: T[18].name, mentorIdNumber: T[18].idNumber, menteeName: T[18].name, menteeIdNumber: T[18].idNumber, startDate: '2025-09-01' }, column: '徒弟身份证件号', code: 'SAME_TEACHER' },
  },
  {
    spec: payKind,
    service: 'compensation',
    tables: ['pay_record'],
    rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ ...who(i), year: 2025, annualIncome: '98000.00', basicMonthly: '3200', performanceMonthly: '3500.50', otherAllowanceMonthly: '600', otherMonthly: '100' })),
    // 10,200.50 a month × 12 is more than the 98,000 a year
    bad: { replace: 4, row: { ...who(4), year: 2025, annualIncome: '98000', basicMonthly: '6000', performanceMonthly: '3500.50', otherAllowanceMonthly: '600', otherMonthly: '100' }, column: '年工资收入(元)', code: 'COMPONENTS_EXCEED_ANNUAL', message: /122406\.00 元，超过年工资收入 98000\.00 元/ },
    file: { cell: (key, _input, v) => (key === 'annualIncome' && typeof v === 'number' ? `${v.toLocaleString('en-US')}元` : undefined) },
  },
  {
    spec: talentKind,
    service: 'compensation',
    tables: ['talent_record'],
    rows: [
      ...[0, 1, 2, 3].map((i) => ({ ...who(i), year: 2025, category: 'B', result: 'PASSED', subsidy: '15000' })),
      { ...who(4), year: 2025, category: 'C', result: 'FAILED' },
    ],
    bad: { replace: 4, row: { ...who(4), year: 2025, category: 'C', result: 'FAILED', subsidy: '6000' }, column: '补贴金额(元)', code: 'SUBSIDY_ON_FAILED' },
  },
  {
    spec: benchmarksKind,
    service: 'compensation',
    tables: ['civil_servant_benchmark'],
    rows: [
      { year: 2024, averageAnnualPay: '98500' },
      { year: 2025, averageAnnualPay: '102000.00' },
    ],
    bad: { row: { year: TEST_YEAR, averageAnnualPay: '105000' }, column: '年度', code: 'YEAR_NOT_FINISHED' },
  },
  {
    spec: performancePayKind,
    service: 'compensation',
    tables: ['performance_pay_allocation'],
    rows: SCHOOLS.slice(0, 3).map((s, i) => (i === 1 ? { schoolName: s.name, year: 2025, approvedTotal: '3600000' } : { schoolCode: s.code, year: 2025, approvedTotal: '2400000.00' })),
    bad: { row: { schoolCode: '4101020009', year: 2025, approvedTotal: '800000' }, column: '学校标识码', code: 'SCHOOL_NOT_PUBLIC' },
  },
  {
    spec: inspectionCatalogueKind,
    service: 'governance',
    tables: ['inspection_item'],
    rows: [
      { year: 2025, name: '校园安全专项检查', department: '安全稳定科', approvalNo: '中教〔2025〕1号' },
      { year: 2025, name: '食堂食品安全检查', department: '安全稳定科', approvalNo: '中教〔2025〕2号' },
      { year: 2025, name: '师德师风专项检查', department: '教师工作科' },
    ],
    bad: { row: { year: 2025, name: '文明校园评比' }, column: '发起部门', code: 'REQUIRED' },
  },
  {
    spec: inspectionsKind,
    service: 'governance',
    tables: ['inspection_event'],
    rows: [
      { year: 2025, name: '校园安全专项检查', department: '安全稳定科', schoolName: '4101020001', heldOn: '2025-04-16' },
      { year: 2025, name: '食堂食品安全检查', department: '安全稳定科', schoolName: '中原区第二实验小学', heldOn: '2025-05-10' },
      { year: 2025, name: '师德师风专项检查', department: '教师工作科', heldOn: '2025-06-01' },
    ],
    bad: { row: { year: 2025, name: '未经批准的评比', department: '办公室', schoolName: '中原区第三初级中学', heldOn: '2025-06-02' }, column: '事项名称', code: 'NOT_IN_CATALOGUE' },
    // one 学校 column holding a code on one row and a name on another
    file: { columns: ['year', 'name', 'department', 'schoolName', 'heldOn'], headers: { schoolName: '学校' } },
  },
  {
    spec: ethicsKind,
    service: 'governance',
    tables: ['ethics_assessment', 'violation'],
    rows: [
      { ...who(20), assessmentYear: 2025, assessmentResult: 'COMPETENT' },
      { ...who(21), assessmentYear: 2025, assessmentResult: 'INCOMPETENT', occurredOn: '2025-03-12', negativeListItem: '5', sanction: 'WARNING', description: '课堂上体罚学生' },
      // the same year's assessment repeated on the teacher's second violation row
      { ...who(21), assessmentYear: 2025, assessmentResult: 'INCOMPETENT', occurredOn: '2025-06-01', negativeListItem: '9-坚守廉洁自律' },
      { ...who(22), occurredOn: '2024-11-20', negativeListItem: '规范从教行为', sanction: 'DEMERIT', revokedOn: '2025-10-01' },
      { ...who(23), assessmentYear: 2024, assessmentResult: 'EXCELLENT' },
    ],
    // 3 assessments and 3 violations
    records: 6,
    bad: { replace: 3, row: { ...who(22), occurredOn: '2024-11-20', negativeListItem: '10', sanction: 'DEMERIT', revokedOn: '2024-01-01' }, column: '处分撤销日期', code: 'REVOKED_BEFORE_SANCTION' },
  },
  {
    spec: awardsKind,
    service: 'governance',
    tables: ['award'],
    rows: [
      { ...who(0), title: '中原区优秀教师', level: 'COUNTY', awardedOn: '2025-09-10', issuer: '中原区教育局' },
      { ...who(1), title: '郑州市优秀教师', level: 'MUNICIPAL', awardedOn: '2025-09-10', issuer: '郑州市教育局' },
      { ...who(2), title: '校级优秀教师', level: 'GRASSROOTS', awardedOn: '2025-06-30' },
    ],
    // vetoed in 2025 by the ethics file above (不合格, and a violation)
    bad: { row: { ...who(21), title: '中原区优秀班主任', level: 'COUNTY', awardedOn: '2025-09-10' }, column: '荣誉发生日期', code: 'VETOED' },
    file: { cell: (key, _input, v) => (key === 'level' && v === '县级' ? '4' : undefined) },
  },
  {
    spec: appraisalsKind,
    service: 'governance',
    tables: ['appraisal'],
    rows: [0, 1, 2, 3, 4, 5].map((i) => ({ ...who(i), year: 2025, result: i === 0 ? 'EXCELLENT' : 'COMPETENT', appraiser: '中原区第一实验小学' })),
    bad: { row: { ...who(21), year: 2025, result: 'EXCELLENT' }, column: '考核结果', code: 'VETOED' },
  },
  {
    spec: principalRanksKind,
    service: 'governance',
    tables: ['principal_rank'],
    rows: [
      { ...who(30), schoolName: '中原区第一实验小学', rank: 'SENIOR', year: 2025 },
      { ...who(31), schoolCode: '4101020001', rank: 'INTERMEDIATE', year: 2024 },
    ],
    bad: { replace: 1, row: { ...who(31), schoolCode: '4101020001', rank: '超级校长', year: 2024 }, column: '职级', code: 'CODE_INVALID' },
    file: { cell: (key, input, v) => (key === 'rank' && input.rank === '超级校长' ? '超级校长' : key === 'rank' && v === '高级校长' ? '高级' : undefined) },
  },
  {
    spec: reformsKind,
    service: 'governance',
    tables: ['school_reform'],
    rows: [
      { schoolCode: '4101020001', status: 'COMPLETED', pilotStartedOn: '2024-03-01', completedOn: '2025-06-30' },
      { schoolCode: '4101020002', status: 'PILOT', pilotStartedOn: '2025-03-01' },
      { schoolCode: '4101020003', status: 'NOT_STARTED' },
    ],
    bad: { replace: 1, row: { schoolCode: '4101020002', status: 'PILOT' }, column: '试点开始日期', code: 'REQUIRED' },
  },
];

describe.each(testDatabaseKinds())('every other kind, imported into its subgraph on %s', (kind) => {
  let p: ImportPlatform;
  const tmp = tempFolder('imp-kinds');
  let n = 0;
  const file = (name: string) => tmp.file(`${++n}-${name}.xlsx`);
  const records = async (c: { service: OtherService; tables: readonly string[] }) => {
    let total = 0;
    for (const t of c.tables) total += Number((await p.ds(c.service).query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
    return total;
  };

  beforeAll(async () => {
    p = await startImportPlatform(kind, { services: ['professional-development', 'compensation', 'governance'] });
    const schools = file('schools');
    await writeKindXlsx(schoolsKind, SCHOOLS, schools);
    expect(await p.importFile('schools', schools)).toMatchObject({ status: 'succeeded', rowsCreated: SCHOOLS.length });
    const roster = file('roster');
    await writeKindXlsx(teachersKind, T, roster, { title: '中原区第一实验小学教职工基本信息表' });
    expect(await p.importFile('teachers', roster)).toMatchObject({ status: 'succeeded', rowsCreated: T.length });
  }, 180_000);
  afterAll(async () => {
    await p?.stop();
    tmp.remove();
  });

  it.each(CASES.map((c) => [c.spec.kind, c] as const))('%s: one bad row writes nothing and is named; the good file imports; again, nothing changes', async (_kind, c) => {
    const before = await records(c);
    const badRows = c.bad.replace === undefined ? [...c.rows, c.bad.row] : c.rows.map((r, i) => (i === c.bad.replace ? c.bad.row : r));
    const badIndex = c.bad.replace ?? c.rows.length;
    const bad = file(`${c.spec.kind}-bad`);
    const header = 1 + (c.file?.title ? 1 : 0);
    await writeKindXlsx(c.spec, badRows, bad, { ...c.file, cell: (key, input, v) => c.file?.cell?.(key, input, v) ?? (v === null && typeof input[key] === 'string' ? (input[key] as string) : undefined) });
    const failed = await p.importFile(c.spec.kind, bad);
    expect({ status: failed.status, errorCode: failed.errorCode, rowsRejected: failed.rowsRejected, rowsWritten: failed.rowsWritten }).toEqual({
      status: 'failed',
      errorCode: 'ROWS_REJECTED',
      rowsRejected: 1,
      rowsWritten: 0,
    });
    const row = header + 1 + badIndex;
    expect(failed.errors).toEqual([expect.objectContaining({ row, column: c.bad.column, code: c.bad.code, message: expect.stringContaining(`第 ${row} 行“${c.bad.column}”列`) })]);
    if (c.bad.message) expect(failed.errors[0].message).toMatch(c.bad.message);
    expect(await records(c)).toBe(before);

    const good = file(c.spec.kind);
    await writeKindXlsx(c.spec, c.rows, good, c.file);
    const done = await p.importFile(c.spec.kind, good);
    expect([done.status, done.errorMessage, done.rowsRead, done.rowsCreated, done.rowsRejected, done.errors]).toEqual(['succeeded', null, c.rows.length, c.rows.length, 0, []]);
    expect(await records(c)).toBe(before + (c.records ?? c.rows.length));

    const again = await p.importFile(c.spec.kind, good);
    expect(again).toMatchObject({ status: 'succeeded', errorMessage: null, rowsRead: c.rows.length, rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: c.rows.length, rowsWritten: 0 });
    expect(await records(c)).toBe(before + (c.records ?? c.rows.length));
  });

  it('ethics: an assessment repeated with another result is a duplicate, a row with neither record is refused, a changed assessment is an update', async () => {
    const c = CASES.find((x) => x.spec === ethicsKind)!;
    const before = await records(c);
    const conflicting = file('ethics-conflict');
    await writeKindXlsx(ethicsKind, [
      { ...who(24), assessmentYear: 2025, assessmentResult: 'COMPETENT', occurredOn: '2025-04-01', negativeListItem: '7' },
      { ...who(24), assessmentYear: 2025, assessmentResult: 'EXCELLENT', occurredOn: '2025-05-01', negativeListItem: '8' },
      { ...who(25) },
    ], conflicting);
    const job = await p.importFile('ethics', conflicting);
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '师德考核时间', 'DUPLICATE_ROW'],
      [4, '师德考核结论', 'NOTHING_TO_IMPORT'],
    ]);
    expect(await records(c)).toBe(before);

    const changed = file('ethics-changed');
    await writeKindXlsx(ethicsKind, [{ ...who(20), assessmentYear: 2025, assessmentResult: 'EXCELLENT' }], changed);
    expect(await p.importFile('ethics', changed)).toMatchObject({ status: 'succeeded', errorMessage: null, rowsUpdated: 1, rowsCreated: 0 });
    expect(await records(c)).toBe(before);
  });

  it('studios: rows of one studio must agree on its columns across the file, whatever batch they fall in', async () => {
    const rows = [10, 11, 12].map((m, i) => ({ name: `${T[6].name}语文名师工作室二`, kind: 'FAMOUS_TEACHER', level: i === 2 ? 'DISTRICT' : 'MUNICIPAL', hostIdNumber: T[6].idNumber, foundedYear: 2024, memberIdNumber: T[m].idNumber }));
    const f = file('studio-conflict');
    await writeKindXlsx(studiosKind, rows, f);
    const job = await p.importFile('studios', f);
    expect(job.errors).toEqual([expect.objectContaining({ row: 4, column: '级别', value: '区级', code: 'STUDIO_CONFLICT', message: expect.stringContaining('与第 2 行同一工作室') })]);
  });

  it('names the teacher a role refers to: a host not in the roster, a member whose name does not agree', async () => {
    const outsider = teacherInputs(1, '4101020001', 9900)[0];
    const f = file('studio-refs');
    await writeKindXlsx(studiosKind, [
      { name: '第三工作室', kind: 'FAMOUS_TEACHER', level: 'DISTRICT', hostIdNumber: outsider.idNumber, foundedYear: 2024 },
      { name: FIRST_STUDIO, kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', hostIdNumber: T[6].idNumber, foundedYear: 2023, memberName: '别人', memberIdNumber: T[19].idNumber },
      { name: FIRST_STUDIO, kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', hostIdNumber: T[6].idNumber, foundedYear: 2023, memberName: T[18].name },
    ], f);
    const job = await p.importFile('studios', f);
    expect(job.errors.map((e) => [e.row, e.column, e.code, e.message.replace(/^.*：/, '')])).toEqual([
      [2, '主持人身份证件号', 'TEACHER_NOT_FOUND', expect.stringMatching(/^主持人身份证件号 \d{17}[\dX] 的教师不在教师名册中/)],
      [3, '成员姓名', 'NAME_MISMATCH', `成员姓名与身份证件号 ${T[19].idNumber} 对应的教师“${T[19].name}”不一致`],
      [4, '成员身份证件号', 'REQUIRED', '成员身份证件号填写了成员姓名时必填'],
    ]);
  });

  it('imports the two sample files through the real kinds, once their teachers are in the roster', async () => {
    const people = new Map<string, string>();
    const trainings = path.join(SAMPLES, 'trainings-merged-header.xlsx');
    const designations = path.join(SAMPLES, 'designations.xlsx');
    for (const [f, spec] of [[trainings, trainingsKind], [designations, designationsKind]] as const) {
      for (const r of (await readAll(f, spec)).rows) people.set(r.values.idNumber as string, r.values.name as string);
    }
    // the roster of the people they name, made from their ID numbers (birth date and sex agree)
    const roster = [...people].map(([idNumber, name], i) => {
      const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
      const y = Number(idNumber.slice(6, 10));
      return { ...T[0], staffNo: `S${i}`, schoolCode: '4101060001', name, idNumber, birthDate, gender: Number(idNumber[16]) % 2 ? 'MALE' : 'FEMALE', workStartMonth: `${y + 21}-09`, schoolStartMonth: `${y + 21}-09` };
    });
    const rosterFile = file('sample-roster');
    await writeKindXlsx(teachersKind, roster, rosterFile);
    expect(await p.importFile('teachers', rosterFile)).toMatchObject({ status: 'succeeded', rowsCreated: roster.length });

    const t = await p.importFile('trainings', trainings);
    expect([t.status, t.sheet, t.rowsRead, t.rowsCreated, t.errors]).toEqual(['succeeded', '国内培训', 887, 887, []]);
    const hours = await p.ds('professional-development').query('SELECT SUM(hours) AS h FROM training_participation WHERE year = 2023');
    expect(Number(hours[0].h)).toBe(26256);
    expect(await p.importFile('trainings', trainings)).toMatchObject({ status: 'succeeded', rowsUnchanged: 887, rowsWritten: 0 });

    const d = await p.importFile('designations', designations);
    expect([d.status, d.rowsRead, d.rowsCreated, d.errors]).toEqual(['succeeded', 261, 261, []]);
    const huang = await p.admin(`{ teacherByIdNumber(idNumber: "410106197905257364") { name designations { kind level year validUntil } } }`);
    expect(huang.data.teacherByIdNumber).toEqual({ name: '黄东', designations: [{ kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', year: 2022, validUntil: '2027-08-31' }] });
  });

  it('serves a template for every kind: the header with * on required columns, and a 说明 row per column', async () => {
    for (const c of CASES) {
      const res = await fetch(`${p.origin}/templates/${c.spec.kind}.xlsx`);
      expect([c.spec.kind, res.status]).toEqual([c.spec.kind, 200]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const [data, notes] = wb.worksheets;
      expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(c.spec.columns.map((x) => `${x.required === true ? '*' : ''}${x.header}`));
      expect(notes.getColumn(1).values).toEqual(expect.arrayContaining(c.spec.columns.map((x) => x.header)));
    }
  });
});
