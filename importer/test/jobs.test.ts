/**
 * Imports through the gateway's origin (POST /imports, GET /imports/:id, errors.xlsx, templates, the
 * supergraph's importJob/importJobs and the CLI) on SQLite and, with TEST_MYSQL_URL, MariaDB.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { hiresKind, KINDS, quotasKind, rotationsKind, runImportCli, schoolsKind, teachersKind, writeKindXlsx } from '@tw/importer';
import { testDatabaseKinds } from '@tw/kernel/testing';
import { teacherInputs, workbook } from './fixtures';
import { ADMIN, ImportPlatform, SAMPLES, startImportPlatform, tempFolder } from './harness';

const SCHOOLS = [
  { code: '4101060001', name: '上街区中心路小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
  { code: '4101020001', name: '中原区第一实验小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
  { code: '4101020002', name: '中原区第二实验小学', type: 'PRIMARY', sponsor: 'PUBLIC' },
  { code: '4101020003', name: '中原区第三初级中学', type: 'JUNIOR_HIGH', sponsor: 'PUBLIC' },
];

/** Reads an .xlsx the tests downloaded: each row's values as text. */
async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

describe.each(testDatabaseKinds())('imports through the gateway on %s', (kind) => {
  let p: ImportPlatform;
  const tmp = tempFolder('imp-jobs');
  const schoolIds: Record<string, string> = {};
  const count = async (filter = '') => (await p.admin(`{ teachers(first: 1${filter}) { totalCount } }`)).data.teachers.totalCount as number;

  beforeAll(async () => {
    p = await startImportPlatform(kind);
    const file = tmp.file('schools.xlsx');
    await writeKindXlsx(schoolsKind, SCHOOLS, file, { title: '全区学校名单' });
    const job = await p.importFile('schools', file);
    expect(job).toMatchObject({ status: 'succeeded', rowsCreated: SCHOOLS.length });
    const r = await p.admin('{ schools(first: 100) { nodes { id code } } }');
    for (const s of r.data.schools.nodes) schoolIds[s.code] = s.id;
  });
  afterAll(async () => {
    await p.stop();
    tmp.remove();
  });

  it('imports the sample school roster for the school the upload names', async () => {
    const job = await p.importFile('teachers', path.join(SAMPLES, 'teachers-school-roster.xlsx'), { school: '4101060001' });
    expect(job).toMatchObject({ status: 'succeeded', sheet: '基本信息', rowsRead: 60, rowsCreated: 60, rowsRejected: 0 });
    expect(await count(`, filter: { schoolId: "${schoolIds['4101060001']}" }`)).toBe(60);
    const one = await p.admin('{ teacherByIdNumber(idNumber: "410106199812240263") { name school { code } extraFields { name value } workStartMonth } }');
    expect(one.data.teacherByIdNumber).toMatchObject({ name: '杜娟晓', school: { code: '4101060001' }, workStartMonth: '2020-09' });
    expect(one.data.teacherByIdNumber.extraFields).toEqual(expect.arrayContaining([{ name: '国籍/地区', value: '中国' }, { name: '婚姻状况', value: '已婚' }]));
  });

  it('writes nothing when one row is bad, names that row in the report, imports the fixed file fully, and changes nothing the second time', async () => {
    const rows = teacherInputs(2500, '4101020001', 1000);
    const before = await count();
    const good = rows[1234].idNumber as string;
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const file = tmp.file('roster-2500.xlsx');
    await writeKindXlsx(teachersKind, rows, file, {
      title: '中原区第一实验小学2024年教职工基本信息表',
      cell: (key, input, v) => (key === 'idNumber' && input === rows[1234] ? bad : key === 'staffNo' && input === rows[7] ? '=HYPERLINK("http://x")' : v),
    });
    const failed = await p.importFile('teachers', file);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'ROWS_REJECTED', rowsRead: 2500, rowsRejected: 1, rowsWritten: 0 });
    expect(failed.errors).toEqual([
      expect.objectContaining({ row: 1237, column: '身份证件号', value: bad, code: 'ID_NUMBER_CHECK_DIGIT', message: expect.stringMatching(/^工作表“教职工基本信息”第 1237 行“身份证件号”列的值/) }),
    ]);
    expect(await count()).toBe(before);

    const report = await fetch(`${p.origin}${failed.errorReportUrl}`, { headers: { authorization: `Bearer ${p.token(ADMIN)}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain('roster-2500.errors.xlsx');
    const cells = await sheetRows(Buffer.from(await report.arrayBuffer()));
    expect(cells[0]).toEqual([...teachersKind.columns.map((c) => c.header), '错误信息', '原行号']);
    expect(cells).toHaveLength(2);
    expect(cells[1][teachersKind.columns.findIndex((c) => c.key === 'idNumber')]).toBe(bad);
    expect(cells[1].at(-2)).toMatch(/^\[ID_NUMBER_CHECK_DIGIT\] 工作表“教职工基本信息”第 1237 行/);
    expect(cells[1].at(-1)).toBe('1237');

    const fixed = tmp.file('roster-2500-fixed.xlsx');
    await writeKindXlsx(teachersKind, rows, fixed, { title: '中原区第一实验小学2024年教职工基本信息表' });
    const ok = await p.importFile('teachers', fixed);
    expect(ok).toMatchObject({ status: 'succeeded', rowsRead: 2500, rowsCreated: 2500, rowsWritten: 2500, rowsRejected: 0 });
    expect(await count()).toBe(before + 2500);

    const again = await p.importFile('teachers', fixed);
    expect(again).toMatchObject({ status: 'succeeded', rowsRead: 2500, rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 2500, rowsWritten: 0 });
    expect(await count()).toBe(before + 2500);

    // a changed row is an update, never a duplicate
    const changed = rows.map((r, i) => (i === 3 ? { ...r, professionalTitle: 'SENIOR', teachingSubject: '数学' } : r));
    const update = tmp.file('roster-2500-changed.xlsx');
    await writeKindXlsx(teachersKind, changed, update);
    expect(await p.importFile('teachers', update)).toMatchObject({ status: 'succeeded', rowsUpdated: 1, rowsUnchanged: 2499 });
    expect(await count()).toBe(before + 2500);
  });

  it('neutralises formula-like cells in the error report', async () => {
    const rows = teacherInputs(2, '4101020002', 9000);
    const file = tmp.file('formula.xlsx');
    await writeKindXlsx(teachersKind, rows, file, { cell: (key, input, v) => (key === 'name' && input === rows[1] ? '=cmd|"/c calc"!A1' : key === 'teachingSubject' && input === rows[1] ? '@SUM(1)' : key === 'gender' && input === rows[1] ? '未知' : v) });
    const job = await p.importFile('teachers', file);
    expect(job).toMatchObject({ status: 'failed', rowsRejected: 1 });
    const report = await fetch(`${p.origin}${job.errorReportUrl}`, { headers: { authorization: `Bearer ${p.token(ADMIN)}` } });
    const cells = await sheetRows(Buffer.from(await report.arrayBuffer()));
    const col = (key: string) => teachersKind.columns.findIndex((c) => c.key === key);
    expect(cells[1][col('name')]).toBe(`'=cmd|"/c calc"!A1`);
    expect(cells[1][col('teachingSubject')]).toBe(`'@SUM(1)`);
    expect(cells[1].at(-2)).toContain('[CODE_INVALID]');
  });

  it('writes a file as of its asOf day: the versions name the job and the day; a bad day is refused', async () => {
    const rows = teacherInputs(2, '4101020002', 9800);
    const file = tmp.file('as-of.xlsx');
    await writeKindXlsx(teachersKind, rows, file);
    expect(await p.importFile('teachers', file)).toMatchObject({ status: 'succeeded', rowsCreated: 2 });
    const moved = tmp.file('as-of-2.xlsx');
    await writeKindXlsx(teachersKind, rows.map((r) => ({ ...r, status: 'RETIRED' })), moved);
    const job = await p.importFile('teachers', moved, { asOf: '2024-09-01' });
    expect(job).toMatchObject({ status: 'succeeded', rowsUpdated: 2, asOf: '2024-09-01' });
    const v = await p.personnelDs.query("SELECT valid_from, import_job_id FROM teacher_version WHERE status = 'RETIRED' AND import_job_id = ?", [job.id]);
    expect(v.map((x: { valid_from: unknown }) => String(x.valid_from).slice(0, 10))).toEqual(['2024-09-01', '2024-09-01']);
    const bad = await p.upload('teachers', moved, { asOf: '2024-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'BAD_AS_OF' });
  });

  it('names both rows of a duplicate, and with partial writes the valid rows', async () => {
    const rows = teacherInputs(4, '4101020002', 9100);
    const file = tmp.file('dup.xlsx');
    await writeKindXlsx(teachersKind, [...rows, { ...rows[1], name: '重复的人' }], file);
    const before = await count();
    const job = await p.importFile('teachers', file, { partial: true });
    expect(job).toMatchObject({ status: 'partially_succeeded', rowsCreated: 4, rowsRejected: 1 });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 6, column: '身份证件号', code: 'DUPLICATE_ROW', message: expect.stringContaining('请删除或合并第 3 行和第 6 行') }),
    ]);
    expect(await count()).toBe(before + 4);
  });

  it('checks without writing on a dry run', async () => {
    const rows = teacherInputs(3, '4101020003', 9200);
    const file = tmp.file('dry.xlsx');
    await writeKindXlsx(teachersKind, rows, file);
    const before = await count();
    const job = await p.importFile('teachers', file, { dryRun: true });
    expect(job).toMatchObject({ status: 'succeeded', dryRun: true, rowsCreated: 3, rowsWritten: 0 });
    expect(await count()).toBe(before);
  });

  it('imports quotas, hires and rotations, resolving schools and teachers by code, name and ID number', async () => {
    const quotas = tmp.file('quotas.xlsx');
    await writeKindXlsx(
      quotasKind,
      SCHOOLS.map((s, i) => ({ schoolCode: i % 2 ? s.code : undefined, schoolName: i % 2 ? undefined : s.name, year: 2025, approved: 50 + i })),
      quotas,
    );
    expect(await p.importFile('quotas', quotas)).toMatchObject({ status: 'succeeded', rowsCreated: 4 });
    const q = await p.admin('{ quotaSummary(year: 2025) { approvedTotal } }');
    expect(q.data.quotaSummary.approvedTotal).toBe(50 + 51 + 52 + 53);

    const teachers = teacherInputs(3, '4101020001', 1000);
    const hires = tmp.file('hires.csv');
    fs.writeFileSync(
      hires,
      ['姓名,身份证号码,招聘年度,招聘方式,入编日期', ...teachers.map((t, i) => `${t.name},${t.idNumber},2024,${['校园招聘', '社会公开招聘', '人才引进'][i]},2024/9/1`)].join('\n'),
    );
    const hired = await p.importFile('hires', hires);
    expect([hired.status, hired.rowsCreated, hired.errors]).toEqual(['succeeded', 3, []]);

    const rotations = tmp.file('rotations.xlsx');
    await writeKindXlsx(
      rotationsKind,
      teachers.map((t) => ({ name: t.name, idNumber: t.idNumber, type: '县管校聘交流', personnelRelationMoved: false, startMonth: '2024-09', endMonth: '2026-07', fromSchoolName: '中原区第一实验小学', toSchoolName: '中原区第二实验小学' })),
      rotations,
    );
    expect(await p.importFile('rotations', rotations)).toMatchObject({ status: 'succeeded', rowsCreated: 3 });
    const r = await p.admin('{ rotations(first: 10) { nodes { fromSchoolId toSchoolId startMonth } } }');
    expect(r.data.rotations.nodes).toEqual(teachers.map(() => ({ fromSchoolId: schoolIds['4101020001'], toSchoolId: schoolIds['4101020002'], startMonth: '2024-09' })));

    // a name that does not agree with the ID number, and a teacher not in the roster
    const wrong = tmp.file('hires-wrong.xlsx');
    await writeKindXlsx(hiresKind, [{ ...teachers[0], name: '别人', year: 2023, channel: 'CAMPUS' }, { ...teacherInputs(1, 'x', 29999)[0], year: 2023, channel: 'CAMPUS' }], wrong);
    const w = await p.importFile('hires', wrong);
    expect([w.status, w.errorCode, w.errors.map((e) => [e.row, e.column, e.code])]).toEqual(['failed', 'ROWS_REJECTED', [
      [2, '姓名', 'NAME_MISMATCH'],
      [3, '身份证件号', 'TEACHER_NOT_FOUND'],
    ]]);
  });

  it("keeps a SCHOOL_ADMIN to their own school: their rows default to it, another school's rows are rejected by the subgraph on the school column", async () => {
    const clerk = { subject: 'clerk-2', role: 'SCHOOL_ADMIN' as const, schoolId: schoolIds['4101020002'] };
    const own = teacherInputs(2, '4101020002', 9300);
    const noSchool = tmp.file('own.xlsx');
    await writeKindXlsx(teachersKind, own, noSchool, { columns: teachersKind.columns.map((c) => c.key).filter((k) => k !== 'schoolCode' && k !== 'schoolName') });
    // a school admin's new teachers wait for the bureau (issue 15): the job ends with them in a submission, which it names
    const sent = await p.importFile('teachers', noSchool, { as: clerk });
    expect(sent).toMatchObject({ status: 'succeeded', rowsCreated: 0, rowsWritten: 0, rowsSubmitted: 2, submissions: [{ service: 'personnel', kind: 'teachers', id: expect.any(String) }] });
    const submissionId = (sent as unknown as { submissions: Array<{ id: string }> }).submissions[0].id;
    const seen = await p.as(clerk)(`{ personnelSubmission(id: "${submissionId}") { status rowCount importJobId } importJob(id: "${sent.id}") { rowsSubmitted submissions { service kind id } } }`);
    expect(seen.data).toEqual({ personnelSubmission: { status: 'PENDING', rowCount: 2, importJobId: sent.id }, importJob: { rowsSubmitted: 2, submissions: [{ service: 'personnel', kind: 'teachers', id: submissionId }] } });
    const approved = await p.admin(`mutation { approvePersonnelSubmission(id: "${submissionId}") { status approvedRows } }`);
    expect(approved.data.approvePersonnelSubmission).toEqual({ status: 'APPROVED', approvedRows: 2 });
    expect((await p.admin(`{ teacherByIdNumber(idNumber: "${own[0].idNumber}") { school { code } } }`)).data.teacherByIdNumber).toEqual({ school: { code: '4101020002' } });

    const other = tmp.file('other.xlsx');
    await writeKindXlsx(teachersKind, [...teacherInputs(1, '4101020002', 9310), ...teacherInputs(1, '4101020003', 9311)], other);
    const job = await p.importFile('teachers', other, { as: clerk });
    expect(job).toMatchObject({ status: 'failed', rowsRejected: 1, rowsWritten: 0 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, column: '学校标识码', value: '4101020003', code: 'SCHOOL_FORBIDDEN' })]);

    const schools = tmp.file('schools-by-clerk.xlsx');
    await writeKindXlsx(schoolsKind, SCHOOLS.slice(0, 1), schools);
    const refused = await p.upload('schools', schools, { as: clerk });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('FORBIDDEN');

    // a school's admin sees their school's jobs, not the district's
    const mine = await p.as(clerk)('{ importJobs(first: 100) { totalCount nodes { startedBy status } } }');
    expect(mine.errors).toBeUndefined();
    expect(new Set(mine.data.importJobs.nodes.map((n: { startedBy: string }) => n.startedBy))).toEqual(new Set(['clerk-2']));
    const districtJob = (await p.admin('{ importJobs(first: 1) { nodes { id } } }')).data.importJobs.nodes[0].id;
    const denied = await fetch(`${p.origin}/imports/${districtJob}`, { headers: { authorization: `Bearer ${p.token(clerk)}` } });
    // another school's job answers as no job at all
    const unknown = await fetch(`${p.origin}/imports/00000000-0000-7000-8000-000000000000`, { headers: { authorization: `Bearer ${p.token(clerk)}` } });
    expect([denied.status, unknown.status]).toEqual([404, 404]);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await p.as(clerk)(`{ importJob(id: "${districtJob}") { id } }`)).data).toEqual({ importJob: null });

    // a TEACHER or ANALYST token whose subject is the clerk's reads none of the clerk's jobs (issue 16, finding 7)
    const clerkJob = (await p.as(clerk)('{ importJobs(first: 1) { nodes { id } } }')).data.importJobs.nodes[0].id;
    for (const impostor of [{ subject: 'clerk-2', role: 'TEACHER' as const, teacherId: 'x' }, { subject: 'clerk-2', role: 'ANALYST' as const }]) {
      for (const route of [`/imports/${clerkJob}`, `/imports/${clerkJob}/errors.xlsx`]) {
        const r = await fetch(`${p.origin}${route}`, { headers: { authorization: `Bearer ${p.token(impostor)}` } });
        expect(r.status).toBe(404);
      }
    }
  });

  it('answers importJob and importJobs in the supergraph, and refuses roles that may not import', async () => {
    const list = await p.admin('{ importJobs(first: 3, filter: { status: [SUCCEEDED] }) { totalCount nodes { id kind status rowsRead rowsWritten errors { row } } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data.importJobs.totalCount).toBeGreaterThan(3);
    const failed = await p.admin('{ importJobs(first: 1, filter: { status: [FAILED], kind: "teachers" }) { nodes { id errorCode errors(first: 5) { sheet row column value code message } } } }');
    const id = failed.data.importJobs.nodes[0].id;
    expect(failed.data.importJobs.nodes[0].errors.length).toBeGreaterThan(0);
    const one = await p.admin(`{ importJob(id: "${id}") { id status errorReportUrl } }`);
    expect(one.data.importJob).toMatchObject({ id, status: 'FAILED', errorReportUrl: `/imports/${id}/errors.xlsx` });

    const teacher = await p.upload('teachers', Buffer.from('姓名\n张三\n'), { fileName: 'x.csv', as: { subject: 't', role: 'TEACHER', teacherId: 'x' } });
    expect(teacher.status).toBe(403);
    const anonymous = await fetch(`${p.origin}/imports/${id}`);
    expect(anonymous.status).toBe(401);
    const analyst = await p.as({ subject: 'a', role: 'ANALYST' })('{ importJobs { totalCount } }');
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a legacy .xls, an oversized upload and an unknown kind at upload, and a file without a header in the job', async () => {
    const xls = await p.upload('teachers', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]), { fileName: '花名册.xls' });
    expect(xls.status).toBe(415);
    expect(xls.body.error).toMatchObject({ code: 'LEGACY_XLS', message: expect.stringContaining('.xlsx') });

    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${p.origin}/imports`, { method: 'POST', headers: { authorization: `Bearer ${p.token(ADMIN)}`, ...headers }, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: Record<string, string> } }));
    // the clerk reads Chinese; the multipart parser's own words are in `detail`, for developers
    const notMultipart = await post({ 'content-type': 'application/json' }, '{}');
    expect(notMultipart).toMatchObject({ status: 400, body: { error: { code: 'NOT_MULTIPART', detail: expect.stringMatching(/[A-Za-z]{3} [A-Za-z]{3}/) } } });
    expect(notMultipart.body.error.message).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    const cut = await post({ 'content-type': 'multipart/form-data; boundary=XYZ' }, '--XYZ\r\ncontent-disposition: form-data; name="kind"\r\n\r\nteachers\r\n--XYZ\r\ncontent-disposition: form-da');
    expect(cut).toMatchObject({ status: 400, body: { error: { code: 'BAD_MULTIPART', detail: expect.any(String) } } });
    expect(cut.body.error.message).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);

    const unknown = await p.upload('salaries', Buffer.from('a,b\n'), { fileName: 'x.csv' });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_KIND' } } });

    const noHeader = await workbook(tmp.file('no-header.xlsx'), (wb) => wb.addWorksheet('Sheet1').addRow(['随便', '什么']));
    const job = await p.importFile('teachers', noHeader);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'HEADER_NOT_FOUND', rowsRead: 0 });
  });

  it('serves templates with a header, an example row, drop-down lists and a 说明 sheet, which import once filled in', async () => {
    const res = await fetch(`${p.origin}/templates/teachers.xlsx`);
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    const [data, notes] = wb.worksheets;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['教职工基本信息', '说明', '代码表']);
    expect((data.getRow(1).values as unknown[]).slice(1)).toContain('*身份证件号');
    const genderCol = teachersKind.columns.findIndex((c) => c.key === 'gender') + 1;
    expect(data.getCell(2, genderCol).value).toBe('女');
    expect(data.getCell(2, genderCol).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('代码表')] });
    expect(notes.getCell('A1').value).toBe('列名');
    expect(notes.getColumn(1).values).toContain('用人形式');

    // uploaded as it is, the example row is skipped; with a real row below it, the row imports
    const untouched = tmp.file('template.xlsx');
    fs.writeFileSync(untouched, buffer);
    expect(await p.importFile('teachers', untouched)).toMatchObject({ status: 'failed', errorCode: 'NO_DATA' });
    const [t] = teacherInputs(1, '4101020003', 9400);
    data.addRow(teachersKind.columns.map((c) => (c.type.format(c.pick ? c.pick(t) : t[c.key]) ?? null) as ExcelJS.CellValue));
    const filled = tmp.file('template-filled.xlsx');
    await wb.xlsx.writeFile(filled);
    expect(await p.importFile('teachers', filled)).toMatchObject({ status: 'succeeded', rowsCreated: 1 });
    expect((await fetch(`${p.origin}/templates/nothing.xlsx`)).status).toBe(404);
  });

  it('lists at /templates every kind with its Chinese name, who may import it and where its template is', async () => {
    const res = await fetch(`${p.origin}/templates`);
    expect(res.status).toBe(200);
    const { kinds } = (await res.json()) as { kinds: Array<{ kind: string; title: string; template: string }> };
    expect(kinds.map((k) => k.kind)).toEqual(KINDS.map((k) => k.kind));
    expect(kinds.find((k) => k.kind === 'teachers')).toEqual({
      kind: 'teachers',
      title: '教职工基本信息',
      service: 'personnel',
      roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
      nationalSubset: '基本信息',
      template: '/templates/teachers.xlsx',
    });
    const template = await fetch(`${p.origin}${kinds.find((k) => k.kind === 'schools')!.template}`);
    expect(template.status).toBe(200);
    expect(decodeURIComponent(template.headers.get('content-disposition') ?? '')).toContain(`${schoolsKind.title}导入模板.xlsx`);
  });

  it('runs the CLI: exit 0 when every row imported, 1 with the report beside the file, 2 when the file cannot be read', async () => {
    const io = () => {
      const out: string[] = [];
      return { out, io: { env: { IMPORT_URL: p.origin, IMPORT_TOKEN: p.token(ADMIN) }, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } } };
    };
    const rows = teacherInputs(5, '4101020003', 9500);
    const good = tmp.file('cli.xlsx');
    await writeKindXlsx(teachersKind, rows, good);
    const a = io();
    expect(await runImportCli(['teachers', good], a.io)).toBe(0);
    expect(a.out.join('')).toMatch(/导入完成：cli\.xlsx[\s\S]*新增 5/);

    const bad = tmp.file('cli-bad.xlsx');
    await writeKindXlsx(teachersKind, [...teacherInputs(2, '4101020003', 9510), { ...teacherInputs(1, '4101020003', 9512)[0], ethnicity: 'X' }], bad, {
      cell: (key, _input, v) => (key === 'ethnicity' && v === null ? '火星族' : v),
    });
    const b = io();
    expect(await runImportCli(['teachers', bad, '--partial'], b.io)).toBe(1);
    expect(fs.existsSync(tmp.file('cli-bad.errors.xlsx'))).toBe(true);
    expect(b.out.join('')).toContain('[CODE_INVALID]');

    const xls = tmp.file('old.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const c = io();
    expect(await runImportCli(['teachers', xls], c.io)).toBe(2);
    expect(c.out.join('')).toContain('LEGACY_XLS');
    const d = io();
    expect(await runImportCli(['teachers', tmp.file('missing.xlsx')], d.io)).toBe(2);
  });
});
