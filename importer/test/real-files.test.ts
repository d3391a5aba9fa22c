/**
 * Files as schools fill them in, through the gateway on SQLite and MariaDB: words in coded columns
 * and free-text sanction reasons (written with warnings), the error report that imports again once
 * corrected, and a stale report removed by the CLI after a later success.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import yauzl from 'yauzl';
import { appraisalsKind, awardsKind, designationsKind, inspectionCatalogueKind, payKind, runImportCli, schoolsKind, teachersKind, writeKindXlsx } from '@tw/importer';
import { testDatabaseKinds } from '@tw/kernel/testing';
import { teacherInputs } from './fixtures';
import { ethicsInWords, rosterInWords, trainingsInWords } from './fixtures/real-files';
import { ADMIN, ImportPlatform, startImportPlatform, tempFolder } from './harness';

const SCHOOL = { code: '4101020001', name: '中原区第一实验小学', type: 'PRIMARY', sponsor: 'PUBLIC' };
const OTHER_SCHOOL = { code: '4101020002', name: '中原区第二实验小学', type: 'PRIMARY', sponsor: 'PUBLIC' };

describe.each(testDatabaseKinds())('school files as they are on %s', (kind) => {
  let p: ImportPlatform;
  const tmp = tempFolder('imp-real');
  const teachers = teacherInputs(12, SCHOOL.code, 3000);
  const download = async (url: string) => {
    const res = await fetch(`${p.origin}${url}`, { headers: { authorization: `Bearer ${p.token(ADMIN)}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    return wb;
  };

  beforeAll(async () => {
    p = await startImportPlatform(kind, { services: ['governance', 'professional-development', 'compensation'] });
    await writeKindXlsx(schoolsKind, [SCHOOL, OTHER_SCHOOL], tmp.file('schools.xlsx'));
    expect(await p.importFile('schools', tmp.file('schools.xlsx'))).toMatchObject({ status: 'succeeded' });
    await writeKindXlsx(teachersKind, teachers, tmp.file('roster.xlsx'));
    expect(await p.importFile('teachers', tmp.file('roster.xlsx'))).toMatchObject({ status: 'succeeded', rowsCreated: teachers.length });
  });
  afterAll(async () => {
    await p.stop();
    tmp.remove();
  });

  it('writes sanctions whose reasons are words, with a warning naming the item each was read as; words naming none are kept unclassified and still veto', async () => {
    const file = await ethicsInWords(tmp.file('ethics.xlsx'), teachers);
    const job = await p.importFile('ethics', file);
    expect(job).toMatchObject({ status: 'succeeded', rowsRead: 4, rowsRejected: 0, rowsWarned: 3 });
    const warnings = (job as unknown as { warnings: Array<{ row: number; column: string; code: string; message: string; severity: string }> }).warnings;
    expect(warnings.map((w) => [w.row, w.column, w.code, w.severity])).toEqual([
      [4, '处分类别', 'CODE_CLASSIFIED', 'warning'],
      [4, '处分原因', 'NEGATIVE_LIST_ITEM_CLASSIFIED', 'warning'],
      [5, '处分原因', 'NEGATIVE_LIST_ITEM_CLASSIFIED', 'warning'],
      [6, '处分原因', 'NEGATIVE_LIST_ITEM_UNCLASSIFIED', 'warning'],
    ]);
    expect(warnings[1].message).toBe('工作表“师德”第 4 行“处分原因”列的值“违规有偿补课”：处分原因“违规有偿补课”按关键词“有偿补课”归为负面清单第 10 项“规范从教行为”（原文保留）');

    const v = await p.admin('{ violations(first: 10) { nodes { reasonText classification sanction negativeListItem { code } } } }');
    expect(v.data.violations.nodes).toEqual([
      { reasonText: '违规有偿补课', classification: 'KEYWORD', sanction: 'WARNING', negativeListItem: { code: '10' } },
      { reasonText: '体罚学生', classification: 'KEYWORD', sanction: 'DEMERIT', negativeListItem: { code: '5' } },
      { reasonText: '上课期间玩手机', classification: 'UNCLASSIFIED', sanction: 'WARNING', negativeListItem: null },
    ]);
    const ids = (await p.admin(`{ teachersByIdNumber(idNumbers: ${JSON.stringify(teachers.slice(0, 4).map((t) => t.idNumber))}) { id } }`)).data.teachersByIdNumber.map((t: { id: string }) => t.id);
    const e = await p.admin('query($ids: [ID!]!) { eligibility(teacherIds: $ids, year: 2024) { vetoed } }', { ids });
    expect(e.data.eligibility.map((x: { vetoed: boolean }) => x.vetoed)).toEqual([false, true, true, true]);

    const gql = await p.admin(`{ importJob(id: "${job.id}") { rowsWarned errorReportUrl warnings(first: 2) { row column code severity } errors { code } } }`);
    expect(gql.data.importJob).toEqual({
      rowsWarned: 3,
      errorReportUrl: `/imports/${job.id}/errors.xlsx`,
      warnings: [
        { row: 4, column: '处分类别', code: 'CODE_CLASSIFIED', severity: 'WARNING' },
        { row: 4, column: '处分原因', code: 'NEGATIVE_LIST_ITEM_CLASSIFIED', severity: 'WARNING' },
        { row: 5, column: '处分原因', code: 'NEGATIVE_LIST_ITEM_CLASSIFIED', severity: 'WARNING' },
      ],
      errors: [],
    });

    // the report lists the warned rows on a sheet of their own, each warned cell marked
    const wb = await download(job.errorReportUrl!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['警告', '说明']);
    const ws = wb.getWorksheet('警告')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '姓名', '身份证号码', '师德考核时间', '师德考核结论', '处分类别', '处分原因', '处分发生日期', '警告信息', '原行号']);
    expect(ws.rowCount).toBe(4);
    const reason = ws.getRow(2).getCell(7);
    expect(reason.value).toBe('违规有偿补课');
    expect(reason.note).toBe('警告：工作表“师德”第 4 行“处分原因”列的值“违规有偿补课”：处分原因“违规有偿补课”按关键词“有偿补课”归为负面清单第 10 项“规范从教行为”（原文保留）');
    expect((reason.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    expect(ws.getRow(2).getCell(10).value).toBe(4);
  });

  it('reports rejected rows in the file’s own columns, bad cells marked with their message; the corrected report imports as it is', async () => {
    const file = await trainingsInWords(tmp.file('trainings.xlsx'), teachers.slice(4, 8), { level: '国培计划', mode: '线上线下相结合' });
    // two rows a school got wrong: words naming two levels, and hours as text
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('国内培训')!;
    sheet.getRow(4).getCell(4).value = '国培省培';
    sheet.getRow(6).getCell(8).value = '二十四';
    await wb.xlsx.writeFile(file);

    const job = await p.importFile('trainings', file, { partial: true });
    expect(job).toMatchObject({ status: 'partially_succeeded', rowsCreated: 2, rowsRejected: 2, rowsWarned: 2 });
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, '培训级别', 'CODE_AMBIGUOUS'],
      [6, '学时', 'NOT_AN_INTEGER'],
    ]);

    const report = await download(job.errorReportUrl!);
    expect(report.worksheets.map((w) => w.name)).toEqual(['错误报告', '警告', '说明']);
    const errors = report.getWorksheet('错误报告')!;
    expect((errors.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '身份证号', '培训年度', '培训级别', '培训项目名称', '培训机构', '培训形式', '学时', '错误信息', '原行号']);
    const level = errors.getRow(2).getCell(4);
    expect(level.value).toBe('国培省培');
    expect((level.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(level.note)).toContain('错误：工作表“国内培训”第 4 行“培训级别”列的值“国培省培”：“国培省培”同时像');
    expect(errors.getRow(2).getCell(2).numFmt).toBe('@');
    // the row with a bad 学时 is marked there in red; a word read as a level is marked in yellow; other cells are not
    expect(errors.getRow(3).getCell(8).note).toContain('应为整数');
    expect(errors.getRow(3).getCell(4).note).toMatch(/^警告：.*“国培计划”按关键词“国培”读作培训类别“国家级”/);
    expect((errors.getRow(3).getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    expect(errors.getRow(3).getCell(6).note).toBeUndefined();
    expect(String(report.getWorksheet('说明')!.getRow(3).getCell(1).value)).toContain('部分导入');

    // the clerk fixes the two marked cells and uploads the report itself
    errors.getRow(2).getCell(4).value = '省级';
    errors.getRow(3).getCell(8).value = 24;
    const corrected = tmp.file('trainings.errors.corrected.xlsx');
    await report.xlsx.writeFile(corrected);
    const again = await p.importFile('trainings', corrected);
    expect(again).toMatchObject({ status: 'succeeded', sheet: '错误报告', rowsRead: 2, rowsCreated: 2, rowsRejected: 0 });
    const list = await p.admin('{ trainingParticipations(first: 10, filter: { year: 2024 }) { totalCount nodes { programme { level mode } } } }');
    expect(list.data.trainingParticipations.totalCount).toBe(4);
  });

  it('removes a stale report beside the file when a later run succeeds, and writes one when rows are written with warnings', async () => {
    const out: string[] = [];
    const io = { env: { IMPORT_URL: p.origin, IMPORT_TOKEN: p.token(ADMIN) }, stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => true } };
    const file = tmp.file('cli-trainings.xlsx');
    const report = tmp.file('cli-trainings.errors.xlsx');
    fs.writeFileSync(report, 'an old report');
    await trainingsInWords(file, teachers.slice(8, 10), { level: '40-县级', mode: '2-短期面授' });
    expect(await runImportCli(['trainings', file], io)).toBe(0);
    expect(fs.existsSync(report)).toBe(false);
    expect(out.join('')).toContain('已删除上次运行留下的错误报告');

    out.length = 0;
    await trainingsInWords(file, teachers.slice(10, 12), { level: '区级培训', mode: '网络远程研修' });
    expect(await runImportCli(['trainings', file], io)).toBe(0);
    expect(fs.existsSync(report)).toBe(true);
    expect(out.join('')).toMatch(/警告 2 行/);
    expect(out.join('')).toContain('[警告 CODE_CLASSIFIED]');
  });

  const preview = async (file: string, fields: Record<string, string>, token = p.token(ADMIN)) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    const res = await fetch(`${p.origin}/imports/preview`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('previews a school’s roster: the sheet, the header row, each column’s field and why, the ignored columns, the first 20 rows with each cell’s problem', async () => {
    const roster = await rosterInWords(tmp.file('preview-roster.xlsx'), teacherInputs(30, SCHOOL.code, 3100));
    const { status, body } = await preview(roster, { kind: 'teachers', school: SCHOOL.code });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'teachers', fileName: 'preview-roster.xlsx', sheet: '花名册', headerRow: 2, headerRows: 1, rowsExpected: 31, school: { code: SCHOOL.code } });
    const col = (letter: string) => body.columns.find((c: { letter: string }) => c.letter === letter);
    expect(col('A')).toEqual({ index: 0, letter: 'A', title: '序号', field: null, fieldHeader: null, reason: 'IGNORED', matched: null });
    expect(col('B')).toEqual({ index: 1, letter: 'B', title: '教师姓名', field: 'name', fieldHeader: '姓名', reason: 'SYNONYM', matched: '教师姓名' });
    expect(col('E')).toMatchObject({ title: '出生日期', field: 'birthDate', reason: 'HEADER' });
    expect(col('J')).toMatchObject({ title: '编制情况', field: 'inQuota', reason: 'SYNONYM' });
    expect(col('N')).toMatchObject({ title: '主教学科', field: null, reason: 'KEPT' });
    expect(body.ignored.map((c: { title: string }) => c.title)).toEqual(['序号', '主教学科']);
    expect(body.absent.map((a: { header: string }) => a.header)).toEqual(expect.arrayContaining(['教职工号', '任教学科', '身份证件类型']));
    expect(body.rows).toHaveLength(20);
    expect(body.rows[1].number).toBe(4);
    expect(body.rows[1].cells[9]).toEqual({ index: 9, value: '编外', problems: [{ code: 'BOOLEAN_CLASSIFIED', severity: 'warning', message: expect.stringContaining('按“编外”读作“否”') }] });
    expect(typeof body.ms).toBe('number');
    // nothing was written, and a file of another kind is said to be one
    expect((await p.admin('{ teachers(first: 1) { totalCount } }')).data.teachers.totalCount).toBe(teachers.length);
    const wrong = await preview(roster, { kind: 'hires' });
    expect(wrong).toMatchObject({ status: 422, body: { error: { code: 'WRONG_KIND', message: expect.stringContaining('这个文件看起来是“教职工基本信息”（teachers）') } } });
  });

  it('remembers a mapping a clerk corrects, per school and kind: applied to the next preview and import, editable, audited', async () => {
    const schoolId = (await p.admin(`{ schools(first: 1, filter: { codes: ["${SCHOOL.code}"] }) { nodes { id } } }`)).data.schools.nodes[0].id as string;
    const set = 'mutation($input: ImportColumnMappingInput!) { setImportColumnMapping(input: $input) { header field updatedBy } }';
    const r = await p.admin(set, { input: { kind: 'teachers', schoolId, header: ' 主教学科 ', field: '任教学科' } });
    expect(r.data.setImportColumnMapping).toEqual({ header: '主教学科', field: 'teachingSubject', updatedBy: 'district-admin' });
    const bad = await p.admin(set, { input: { kind: 'teachers', schoolId, header: '主教学科', field: '爱好' } });
    expect(bad.errors?.[0].message).toMatch(/^“教职工基本信息”没有“爱好”这一列：可选 学校标识码、学校名称/);
    const other = await p.as({ subject: 'clerk-x', role: 'SCHOOL_ADMIN', schoolId: 'another-school' })(set, { input: { kind: 'teachers', schoolId, header: '主教学科', field: '任教学科' } });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const staff = teacherInputs(3, SCHOOL.code, 3200);
    const roster = await rosterInWords(tmp.file('mapped-roster.xlsx'), staff);
    const seen = await preview(roster, { kind: 'teachers', school: SCHOOL.code });
    expect(seen.body.columns.find((c: { title: string }) => c.title === '主教学科')).toMatchObject({ field: 'teachingSubject', fieldHeader: '任教学科', reason: 'MAPPING' });
    const job = await p.importFile('teachers', roster, { school: SCHOOL.code });
    expect(job).toMatchObject({ status: 'succeeded', rowsCreated: 3, rowsWarned: 2 });
    const t = await p.admin(`{ teacherByIdNumber(idNumber: "${staff[0].idNumber}") { teachingSubject extraFields { name } } }`);
    expect(t.data.teacherByIdNumber).toEqual({ teachingSubject: '语文', extraFields: [] });
    // another school's files are read as before
    const elsewhere = await preview(roster, { kind: 'teachers', school: OTHER_SCHOOL.code });
    expect(elsewhere.body.columns.find((c: { title: string }) => c.title === '主教学科')).toMatchObject({ field: null, reason: 'KEPT' });

    // edited: the column ignored; then forgotten
    await p.admin(set, { input: { kind: 'teachers', schoolId, header: '主教学科', field: null } });
    expect((await preview(roster, { kind: 'teachers', school: SCHOOL.code })).body.columns.find((c: { title: string }) => c.title === '主教学科')).toMatchObject({ field: null, reason: 'MAPPED_AWAY' });
    const list = await p.admin('query($s: ID) { importColumnMappings(kind: "teachers", schoolId: $s) { header field } }', { s: schoolId });
    expect(list.data.importColumnMappings).toEqual([{ header: '主教学科', field: null }]);
    const removed = await p.admin('mutation($s: ID) { removeImportColumnMapping(kind: "teachers", header: "主教学科", schoolId: $s) }', { s: schoolId });
    expect(removed.data.removeImportColumnMapping).toBe(true);
    const audit = await p.admin('{ importerAuditLog(first: 10, filter: { entity: "IMPORT_COLUMN_MAPPING" }) { nodes { actorSubject before after } } }');
    expect(audit.data.importerAuditLog.nodes.map((e: { before: string | null; after: string | null }) => [e.before && JSON.parse(e.before).field, e.after && JSON.parse(e.after).field])).toEqual([
      [null, 'teachingSubject'],
      ['teachingSubject', null],
      [null, null],
    ]);
  });

  it('refuses a file imported as the wrong kind, naming the kind it looks like', async () => {
    const catalogue = tmp.file('catalogue.xlsx');
    await writeKindXlsx(inspectionCatalogueKind, [{ year: 2025, name: '校园安全专项检查', department: '安全稳定科', approvalNo: '中教〔2025〕3号' }], catalogue, { title: '2025年检查考核评比事项目录' });
    const job = await p.importFile('inspections', catalogue);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'WRONG_KIND', rowsRead: 0 });
    expect(job.errorMessage).toBe(
      '这个文件看起来是“检查考核评比目录清单”（inspection-catalogue），不是“检查考核评比”（inspections）：工作表“检查考核评比目录清单”的表头与“检查考核评比目录清单”（inspection-catalogue）的列相符。请确认导入类型，按“检查考核评比目录清单”（inspection-catalogue）导入（命令行：“npm run import -- inspection-catalogue <文件>”）',
    );
  });

  it('meets a clerk: lists the kinds, finds the gateway from .env, refuses a bad token in Chinese, names --school, remembers --map and previews', async () => {
    const run = async (argv: string[], env: Record<string, string>, cwd?: string) => {
      const out: string[] = [];
      const code = await runImportCli(argv, { env, cwd, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } });
      return { code, out: out.join('') };
    };
    const kinds = await run(['--kinds'], {});
    expect(kinds.code).toBe(0);
    expect(kinds.out).toMatch(/inspection-catalogue\s+检查考核评比目录清单/);
    expect(kinds.out).toMatch(/teachers\s+教职工基本信息（国家系统：基本信息）/);

    const folder = tempFolder('imp-cli-env');
    try {
      const port = new URL(p.origin).port;
      fs.writeFileSync(folder.file('.env'), `# as copied from .env.example\nGATEWAY_PORT=${port}\nJWT_SECRET=\n`);
      const roster = await rosterInWords(folder.file('roster.xlsx'), teacherInputs(2, SCHOOL.code, 3300));
      const viaEnv = await run(['teachers', roster, '--preview', '--school', SCHOOL.code], { IMPORT_TOKEN: p.token(ADMIN) }, folder.dir);
      expect(viaEnv.out).toContain('预览 roster.xlsx（教职工基本信息，teachers）：工作表“花名册”，表头在第 2 行');
      expect(viaEnv.out).toMatch(/B {2}教师姓名\s+→ 姓名（同义列名“教师姓名”）/);
      expect(viaEnv.out).toContain('⚠ [BOOLEAN_CLASSIFIED]');
      expect(viaEnv.code).toBe(0);

      const badToken = await run(['teachers', roster], { IMPORT_TOKEN: `${p.token(ADMIN)}x` }, folder.dir);
      expect(badToken.code).toBe(2);
      expect(badToken.out).toContain('令牌被拒绝：令牌的签名与本平台的密钥不符');
      expect(badToken.out).toContain('npm run token -- --role DISTRICT_ADMIN');

      const noSchool = await run(['teachers', roster], { IMPORT_TOKEN: p.token(ADMIN) }, folder.dir);
      expect(noSchool.code).toBe(2);
      expect(noSchool.out).toContain('[SCHOOL_NOT_GIVEN]');
      expect(noSchool.out).toContain(`提示：这是一所学校的文件，请用 --school 指明学校，例如 npm run import -- teachers ${JSON.stringify(roster)} --school 4101020001`);

      const mapped = await run(['teachers', roster, '--school', SCHOOL.code, '--map', '主教学科=任教学科', '--preview'], { IMPORT_TOKEN: p.token(ADMIN) }, folder.dir);
      expect(mapped.out).toContain(`已记住：学校 ${SCHOOL.code} 的“教职工基本信息”文件中“主教学科”列即“任教学科”`);
      expect(mapped.out).toMatch(/主教学科\s+→ 任教学科（本校设定的对应）/);
      const forgot = await run(['teachers', '--school', SCHOOL.code, '--map', '主教学科='], { IMPORT_TOKEN: p.token(ADMIN) }, folder.dir);
      expect([forgot.code, forgot.out]).toEqual([0, '已取消“主教学科”列的对应\n']);
    } finally {
      folder.remove();
    }
  });

  it('exports a school’s records of a year in the national templates, which the importers read back unchanged; the district as a zip of one workbook a school', async () => {
    const some = teachers.slice(0, 3).map((t) => ({ name: t.name, idNumber: t.idNumber }));
    const write = async (spec: Parameters<typeof writeKindXlsx>[0], rows: object[]) => {
      const file = tmp.file(`${spec.kind}-for-export.xlsx`);
      await writeKindXlsx(spec, rows, file);
      expect(await p.importFile(spec.kind, file)).toMatchObject({ status: 'succeeded', rowsRejected: 0 });
    };
    await write(appraisalsKind, some.map((t, i) => ({ ...t, year: 2024, result: ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT'][i], appraiser: SCHOOL.name })));
    await write(awardsKind, [{ ...some[0], title: '中原区优秀教师', level: 'COUNTY', awardedOn: '2024-09-10', issuer: '中原区教育局' }]);
    await write(designationsKind, [{ ...some[2], kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: 2023, validUntil: '2026-08-31', issuer: '中原区教育局' }]);
    await write(payKind, some.map((t) => ({ ...t, year: 2024, annualIncome: '98000.00', basicMonthly: '3200.00', performanceMonthly: '3500.50' })));

    const res = await fetch(`${p.origin}/exports/national/2024/${SCHOOL.code}.xlsx`, { headers: { authorization: `Bearer ${p.token(ADMIN)}` } });
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(`${SCHOOL.code}-${SCHOOL.name}-2024-全国教师管理信息系统.xlsx`);
    const file = tmp.file('national-2024.xlsx');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      // the roster, and the three teachers the mapping test imported
      ['基本信息', teachers.length + 3 + 1],
      ['国内培训', 9],
      ['师德信息', 5],
      ['年度考核', 4],
      ['荣誉信息', 2],
      ['入选人才项目', 2],
      ['交流轮岗', 1],
      ['基本待遇', 4],
      ['说明', expect.any(Number)],
    ]);
    const basic = wb.getWorksheet('基本信息')!;
    expect((basic.getRow(1).values as unknown[]).slice(1, 8)).toEqual(['教职工号', '*姓名', '*性别', '身份证件类型', '*身份证件号', '*出生日期', '*民族']);
    expect((basic.getRow(2).values as unknown[]).slice(2, 8)).toEqual([teachers[0].name, '2-女', '1-居民身份证', teachers[0].idNumber, teachers[0].birthDate, '01-汉族']);
    const ethics = wb.getWorksheet('师德信息')!;
    expect([2, 3, 4, 5].map((r) => ethics.getRow(r).getCell(7).value)).toEqual([null, '10-规范从教行为', '5-关心爱护学生', '上课期间玩手机']);

    // each sheet read back as its kind changes nothing
    for (const [kindName, rows] of [['teachers', teachers.length + 3], ['trainings', 8], ['ethics', 4], ['appraisals', 3], ['awards', 1], ['designations', 1], ['pay', 3]] as const) {
      const back = await p.importFile(kindName, file, kindName === 'teachers' ? { school: SCHOOL.code } : {});
      expect([kindName, back.status, back.rowsRejected, back.rowsCreated, back.rowsUpdated, back.rowsUnchanged]).toEqual([kindName, 'succeeded', 0, 0, 0, rows]);
    }
    const v = await p.admin('{ violations(first: 10) { nodes { reasonText classification } } }');
    expect(v.data.violations.nodes.map((x: { classification: string }) => x.classification)).toEqual(['KEYWORD', 'KEYWORD', 'UNCLASSIFIED']);

    // a school's admin exports their own school only; the district gets every school in one zip
    const clerk = { subject: 'clerk-2', role: 'SCHOOL_ADMIN' as const, schoolId: (await p.admin(`{ schools(first: 1, filter: { codes: ["${OTHER_SCHOOL.code}"] }) { nodes { id } } }`)).data.schools.nodes[0].id };
    const refused = await fetch(`${p.origin}/exports/national/2024/${SCHOOL.code}.xlsx`, { headers: { authorization: `Bearer ${p.token(clerk)}` } });
    expect(refused.status).toBe(403);
    const zipRes = await fetch(`${p.origin}/exports/national/2024.zip`, { headers: { authorization: `Bearer ${p.token(ADMIN)}` } });
    expect(zipRes.status).toBe(200);
    const zipFile = tmp.file('district-2024.zip');
    fs.writeFileSync(zipFile, Buffer.from(await zipRes.arrayBuffer()));
    const zip = await yauzl.openPromise(zipFile, { lazyEntries: true, autoClose: false });
    const names: string[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    zip.close();
    expect(names).toEqual([`${SCHOOL.code}-${SCHOOL.name}.xlsx`, `${OTHER_SCHOOL.code}-${OTHER_SCHOOL.name}.xlsx`]);
    // eleven imports and two exports: more than the default on a busy machine
  }, 300_000);

  it('shows per school and year which kinds were sent (a gap is not a zero), teachers lacking national fields, untouched records and unclassified sanctions', async () => {
    const ids = Object.fromEntries(
      (await p.admin('{ schools(first: 10) { nodes { id code } } }')).data.schools.nodes.map((s: { id: string; code: string }) => [s.code, s.id]),
    ) as Record<string, string>;
    // an appraisal nobody touched since 2020
    await p.ds('governance').query("UPDATE appraisal SET updated_at = '2020-01-01 00:00:00' WHERE year = 2024 AND result = 'EXCELLENT'");
    const query = `query($y: Int!, $s: ID) { dataQuality(year: $y, schoolId: $s, first: 10) { totalCount nodes { schoolCode year missingKinds missingKindTitles teachersLackingNationalFields staleRecords unclassifiedSanctions unavailable kinds { kind records staleRecords issues { code count } } } } }`;
    const r = await p.admin(query, { y: 2024 });
    expect(r.errors).toBeUndefined();
    const [first, second] = r.data.dataQuality.nodes;
    expect(r.data.dataQuality.totalCount).toBe(2);
    expect(first).toMatchObject({ schoolCode: SCHOOL.code, year: 2024, missingKinds: [], teachersLackingNationalFields: 3, staleRecords: 1, unclassifiedSanctions: 1, unavailable: [] });
    const kinds = Object.fromEntries(first.kinds.map((k: { kind: string; records: number }) => [k.kind, k.records]));
    expect(kinds).toEqual({ teachers: teachers.length + 3, quotas: 0, trainings: 8, designations: 0, lessons: 0, pay: 3, talent: 0, ethics: 2, violations: 3, appraisals: 3, awards: 1, 'principal-ranks': 0 });
    expect(first.kinds.find((k: { kind: string }) => k.kind === 'violations').issues).toEqual([{ code: 'UNCLASSIFIED_SANCTIONS', count: 1 }]);
    expect(second).toMatchObject({ schoolCode: OTHER_SCHOOL.code, missingKinds: ['teachers', 'trainings', 'ethics', 'appraisals', 'pay'], missingKindTitles: ['教职工基本信息', '国内培训', '师德信息', '年度考核', '基本待遇'], teachersLackingNationalFields: 0, unclassifiedSanctions: 0 });
    const earlier = await p.admin(query, { y: 2023, s: ids[SCHOOL.code] });
    expect(earlier.data.dataQuality.nodes.map((n: { missingKinds: string[] }) => n.missingKinds)).toEqual([['trainings', 'ethics', 'appraisals', 'pay']]);

    // a school's admin sees their own school; an analyst sees counts; the coverage each service answers is the basis
    const clerk = { subject: 'clerk-q', role: 'SCHOOL_ADMIN' as const, schoolId: ids[OTHER_SCHOOL.code] };
    expect((await p.as(clerk)(query, { y: 2024 })).data.dataQuality.nodes.map((n: { schoolCode: string }) => n.schoolCode)).toEqual([OTHER_SCHOOL.code]);
    expect((await p.as(clerk)(query, { y: 2024, s: ids[SCHOOL.code] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await p.as({ subject: 'analyst', role: 'ANALYST' })(query, { y: 2024 })).data.dataQuality.totalCount).toBe(2);
    const direct = await p.admin('query($s: [ID!]!) { governanceCoverage(year: 2024, schoolIds: $s) { schoolId kind records } }', { s: [ids[OTHER_SCHOOL.code]] });
    expect(direct.data.governanceCoverage.map((c: { kind: string; records: number }) => [c.kind, c.records])).toEqual([
      ['ethics', 0],
      ['violations', 0],
      ['appraisals', 0],
      ['awards', 0],
      ['principal-ranks', 0],
    ]);
  });

  it('names the data gaps of the yearly report: per kind the schools that sent nothing, per school its missing kinds, the figures counted from them, in the workbook too', async () => {
    const ids = Object.fromEntries(
      (await p.admin('{ schools(first: 10) { nodes { id code } } }')).data.schools.nodes.map((s: { id: string; code: string }) => [s.code, s.id]),
    ) as Record<string, string>;
    const report = `query($y: Int!) { districtReport(year: $y) { trainingPersonTimes dataGaps { kind kindTitle schools { code name } } } }`;
    const r = await p.admin(report, { y: 2024 });
    expect(r.errors).toBeUndefined();
    const gaps = Object.fromEntries(r.data.districtReport.dataGaps.map((g: { kind: string; schools: Array<{ code: string }> }) => [g.kind, g.schools.map((s) => s.code)]));
    // the school that sent its files has no gap; the other sent nothing: its 0 trainings are a gap, not a zero
    expect(gaps).toEqual({ teachers: [OTHER_SCHOOL.code], trainings: [OTHER_SCHOOL.code], ethics: [OTHER_SCHOOL.code], appraisals: [OTHER_SCHOOL.code], pay: [OTHER_SCHOOL.code] });
    expect(r.data.districtReport.dataGaps.map((g: { kindTitle: string }) => g.kindTitle)).toEqual(['教职工基本信息', '国内培训', '师德信息', '年度考核', '基本待遇']);
    // 2023: the first school sent its roster (serving teachers) but nothing else of that year
    const earlier = await p.admin(report, { y: 2023 });
    expect(earlier.data.districtReport.dataGaps.find((g: { kind: string }) => g.kind === 'trainings').schools.map((s: { code: string }) => s.code)).toEqual([SCHOOL.code, OTHER_SCHOOL.code]);
    expect(earlier.data.districtReport.dataGaps.find((g: { kind: string }) => g.kind === 'teachers').schools.map((s: { code: string }) => s.code)).toEqual([OTHER_SCHOOL.code]);

    const comparison = `query($y: Int!) { schoolComparison(year: $y, first: 10) { nodes { school { code } trainingPersonTimes missingKinds } } }`;
    const c = await p.admin(comparison, { y: 2024 });
    expect(c.errors).toBeUndefined();
    expect(c.data.schoolComparison.nodes.map((n: { school: { code: string }; missingKinds: string[] }) => [n.school.code, n.missingKinds])).toEqual([
      [SCHOOL.code, []],
      [OTHER_SCHOOL.code, ['teachers', 'trainings', 'ethics', 'appraisals', 'pay']],
    ]);

    // each figure says which yearly kinds it is counted from
    const figures = (await (await fetch(`${p.origin}/reports/figures`)).json()) as { figures: Array<{ field: string; kinds: string[] }> };
    const kindsOf = Object.fromEntries(figures.figures.map((f) => [f.field, f.kinds]));
    expect([kindsOf.trainingPersonTimes, kindsOf.teacherCount, kindsOf.ethicsVetoedTeachers, kindsOf.averageTeacherPay, kindsOf.schoolCount]).toEqual([['trainings'], ['teachers'], ['ethics'], ['pay'], []]);

    // an analyst reads the gaps (schools, not people); a school's admin their own school only
    const analyst = await p.as({ subject: 'analyst', role: 'ANALYST' })(report, { y: 2024 });
    expect(analyst.data.districtReport.dataGaps[1].schools.map((s: { code: string }) => s.code)).toEqual([OTHER_SCHOOL.code]);
    const clerk = await p.as({ subject: 'clerk-g', role: 'SCHOOL_ADMIN', schoolId: ids[SCHOOL.code] })(report, { y: 2024 });
    expect(clerk.data.districtReport.dataGaps.every((g: { schools: unknown[] }) => g.schools.length === 0)).toBe(true);

    // the workbook: 报表 names the schools beside each figure counted from a missing kind; 学校对比 writes 未报送, not 0
    const res = await fetch(`${p.origin}/reports/district/2024.xlsx`, { headers: { authorization: `Bearer ${p.token(ADMIN)}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('报表')!;
    expect(sheet.getRow(3).getCell(6).value).toBe('数据缺口（当年未报送所依据数据的学校）');
    const rowOf = (label: string) => sheet.getRows(4, sheet.rowCount - 3)!.find((row) => row.getCell(2).value === label)!;
    expect(rowOf('培训人次').getCell(6).value).toBe(`1 所学校未报送国内培训：${OTHER_SCHOOL.name}`);
    expect(rowOf('学校数').getCell(6).value).toBeNull();
    const schools = wb.getWorksheet('学校对比')!;
    const headers = (schools.getRow(1).values as unknown[]).slice(1) as string[];
    const at = (code: string) => schools.getRows(2, schools.rowCount - 1)!.find((row) => row.getCell(1).value === code)!;
    const trainingColumn = headers.findIndex((h) => h.startsWith('培训人次')) + 1;
    expect([at(SCHOOL.code).getCell(trainingColumn).value, at(OTHER_SCHOOL.code).getCell(trainingColumn).value]).toEqual([8, '未报送']);
    expect(headers[headers.length - 1]).toBe('当年未报送');
    expect(at(OTHER_SCHOOL.code).getCell(headers.length).value).toBe('教职工基本信息、国内培训、师德信息、年度考核、基本待遇');
  });
});
