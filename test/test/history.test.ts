import http from 'node:http';
import { AddressInfo } from 'node:net';
import { signDelegatedToken } from '@tw/kernel';
import { GraphQLAnswer, makeIdNumber, testDatabaseKinds, tokenFor } from '@tw/kernel/testing';
import ExcelJS from 'exceljs';
import express from 'express';
import { mountReports, readFigures } from '@tw/gateway';
import { Platform, startPlatform } from '../src/platform';
import { District, loadReportDistrict, REPORT_2025, SCHOOL_FIELDS, YEAR } from './analytics-district';
import { selection } from './analytics-fields';

const UPSERT = (name: string, input: string) =>
  `mutation($rows: [${input}!]!, $options: BulkOptions) { r: ${name}(rows: $rows, options: $options) { created updated rejected rows { index status code message } } }`;

/**
 * A second year written after the first year's report was read (a move, a retirement, a new hire,
 * an upgraded designation, a year of pay), as the bureau writes it in 2026: year 2025's district
 * report, school comparison and exported workbook read exactly as before.
 */
describe.each(testDatabaseKinds())('a past year that never drifts, on %s', (kind) => {
  let p: Platform;
  let d: District;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    p = await startPlatform(kind);
    d = await loadReportDistrict(p);
    const app = express();
    mountReports(app, { gatewayUrl: () => p.gatewayUrl, figures: readFigures(p.supergraphSdl) });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await p.stop();
  });

  const admin = { subject: 'district-admin', role: 'DISTRICT_ADMIN' } as const;
  const write = async (name: string, input: string, rows: unknown[], asOf: string) => {
    const r = await p.admin(UPSERT(name, input), { rows, options: { asOf, reason: '2026 年度数据' } });
    expect(r.errors).toBeUndefined();
    expect(r.data.r.rows.filter((x: { status: string }) => x.status === "REJECTED")).toEqual([]);
    return r.data.r;
  };
  /** every figure of the year, the comparison's rows and every cell of the workbook's sheets */
  const snapshot = async (year: number) => {
    const report = await p.admin(`{ districtReport(year: ${year}) { ${selection(Object.keys(REPORT_2025))} } }`);
    const comparison = await p.admin(`{ schoolComparison(year: ${year}, first: 10) { nodes { schoolId ${selection(SCHOOL_FIELDS)} } } }`);
    expect(report.errors).toBeUndefined();
    expect(comparison.errors).toBeUndefined();
    const res = await fetch(`${base}/reports/district/${year}.xlsx`, { headers: { authorization: `Bearer ${tokenFor(p.keys, admin)}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheets = wb.worksheets.map((w) => {
      const cells: unknown[] = [];
      // the workbook says when it was made, to the minute: that line differs between two exports by nature
      w.eachRow((row) => cells.push((row.values as unknown[]).map((v) => (typeof v === 'string' ? v.replace(/生成于 \d{4}-\d\d-\d\d \d\d:\d\d/, '生成于 …') : v))));
      return [w.name, cells];
    });
    return { report: report.data.districtReport, comparison: comparison.data.schoolComparison.nodes, sheets };
  };

  it("reads year 2025's report, comparison and workbook the same after 2026 is written", async () => {
    const before = await snapshot(YEAR);
    expect(before.report).toEqual(REPORT_2025);
    // eligibility of 2025 is as recorded on 2025's last day: t4 (ethics 不合格 in 2025) stays vetoed when 2026 restates it
    const eligibility = async () => {
      const r = await p.admin(`{ eligibility(teacherIds: ${JSON.stringify(['t1', 't4', 't5', 't13', 't14'].map((k) => d.teacher[k]))}, year: ${YEAR}) { vetoed } }`);
      expect(r.errors).toBeUndefined();
      return r.data.eligibility.map((e: { vetoed: boolean }) => e.vetoed);
    };
    expect(await eligibility()).toEqual([false, true, true, false, true]);
    const t1 = await p.admin(`{ teacher(id: "${d.teacher.t1}") { name gender idNumber birthDate ethnicity politicalStatus workStartMonth schoolStartMonth inQuota status } }`);
    const t2 = await p.admin(`{ teacher(id: "${d.teacher.t2}") { name gender idNumber birthDate ethnicity politicalStatus workStartMonth schoolStartMonth inQuota status } }`);
    const row = (t: Record<string, unknown>, over: Record<string, unknown>) => ({ ...t, employmentForm: null, ...over });
    const codes = (await p.admin('{ schools(first: 10) { nodes { id code } } }')).data.schools.nodes as Array<{ id: string; code: string }>;
    const code = (key: string) => codes.find((c) => c.id === d.school[key])!.code;

    // 2026: t1 moves to S2, t2 retires, a new teacher joins S3; t5's backbone designation is upgraded
    await write(
      'upsertTeachers',
      'TeacherInput',
      [
        row(t1.data.teacher, { schoolCode: code('S2'), schoolStartMonth: '2026-09' }),
        row(t2.data.teacher, { schoolCode: code('S1'), status: 'RETIRED' }),
        {
          schoolCode: code('S3'), name: '新教师', gender: 'FEMALE', idNumber: makeIdNumber({ birthDate: '1999-03-04', seq: 901, gender: 'FEMALE' }), birthDate: '1999-03-04',
          ethnicity: 'HAN', politicalStatus: 'MASSES', workStartMonth: '2026-09', schoolStartMonth: '2026-09', inQuota: true, employmentForm: null, status: 'IN_SERVICE',
        },
      ],
      '2026-09-01',
    );
    await write('upsertDesignations', 'DesignationInput', [{ teacherId: d.teacher.t5, kind: 'BACKBONE_TEACHER', level: 'MUNICIPAL', year: 2026, validUntil: null }], '2026-09-01');
    // 2026's files also carry records of 2025 again, written after the move (each service records the
    // teacher's school now on them) and some restated: 2025's figures read them as they were on
    // 2025's statistics day, so none of this changes 2025 (a correction of 2025 is dated in 2025)
    const y2025 = [
      write('upsertPayRecords', 'PayRecordInput', [{ teacherId: d.teacher.t1, year: 2025, annualIncome: '125000.00' }], '2026-09-01'),
      write('upsertTalentRecords', 'TalentRecordInput', [{ teacherId: d.teacher.t1, year: 2025, category: 'B', result: 'PASSED', subsidy: '15000.00' }], '2026-09-01'),
      write('upsertPrincipalRanks', 'PrincipalRankInput', [{ teacherId: d.teacher.t1, rank: 'SENIOR', year: 2025 }], '2026-09-01'),
      write('upsertEthicsAssessments', 'EthicsAssessmentInput', [{ teacherId: d.teacher.t4, year: 2025, result: 'COMPETENT' }], '2026-09-01'),
      write('upsertDesignations', 'DesignationInput', [{ teacherId: d.teacher.t3, kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', year: 2023, validUntil: '2024-12-31' }], '2026-09-01'),
    ];
    expect((await Promise.all(y2025)).map((r: { updated: number }) => r.updated)).toEqual([1, 1, 1, 1, 1]);

    const after = await snapshot(YEAR);
    expect(after).toEqual(before);
    expect(await eligibility()).toEqual([false, true, true, false, true]);
    // the writes happened: 2026 counts the hire and not the retiree, t1 at S2
    const y2026 = await p.admin('{ districtReport(year: 2026) { teacherCount } schoolComparison(year: 2026, first: 10) { nodes { schoolId teacherCount } } }');
    expect(y2026.data.districtReport.teacherCount).toBe(REPORT_2025.teacherCount);
    const count = (rows: Array<{ schoolId: string; teacherCount: number }>, key: string) => rows.find((r) => r.schoolId === d.school[key])!.teacherCount;
    const c2025 = before.comparison as Array<{ schoolId: string; teacherCount: number }>;
    const c2026 = y2026.data.schoolComparison.nodes;
    expect([count(c2026, 'S1'), count(c2026, 'S2'), count(c2026, 'S3')]).toEqual([count(c2025, 'S1') - 2, count(c2025, 'S2') + 1, count(c2025, 'S3') + 1]);
  });

  it('keeps the versions of every service in SQL, with the valid time and the reason', async () => {
    const pd = p.service('professional-development').ds;
    const v = await pd.query("SELECT op, valid_from, reason, level FROM designation_version WHERE teacher_id = ? AND year = 2026", [d.teacher.t5]);
    expect(v.map((x: { op: string; valid_from: unknown; reason: string; level: string }) => [x.op, String(x.valid_from).slice(0, 10), x.reason, x.level])).toEqual([
      // a record of its own year (a designation conferred in 2026) is valid from its year's first day
      ['create', '2026-01-01', '2026 年度数据', 'MUNICIPAL'],
    ]);
    const co = p.service('compensation').ds;
    const [records, versions] = await Promise.all(['pay_record', 'pay_record_version'].map(async (t) => Number((await co.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)));
    // one version a record, and two for t1's pay of 2025, written again after the move
    expect(versions).toBe(records + 1);
    expect(records).toBeGreaterThan(0);
    const pay = await co.query('SELECT valid_from, valid_to, school_id, annual_income FROM pay_record_version WHERE teacher_id = ? AND year = 2025 ORDER BY valid_from', [d.teacher.t1]);
    const day = (x: unknown) => (x === null ? null : String(x instanceof Date ? x.toISOString() : x).slice(0, 10));
    expect(pay.map((x: { valid_from: unknown; valid_to: unknown; school_id: string; annual_income: unknown }) => [day(x.valid_from), day(x.valid_to), x.school_id, Number(x.annual_income)])).toEqual([
      ['2025-01-01', '2026-09-01', d.school.S1, 12_000_000],
      ['2026-09-01', null, d.school.S2, 12_500_000],
    ]);
  });

  it("costs the same SQL statements per service for a past year's report as for a trend of years", async () => {
    const report = (q: string) => async () => {
      const before = p.statements();
      const r = await p.admin(q);
      expect(r.errors).toBeUndefined();
      const after = p.statements();
      // the four report services (the importer's worker polls for jobs on its own)
      return Object.fromEntries(['personnel', 'professional-development', 'compensation', 'governance'].map((s) => [s, after[s] - before[s]]));
    };
    const one = await report(`{ districtReport(year: ${YEAR}) { ${selection(Object.keys(REPORT_2025))} } }`)();
    const four = await report(`{ districtReports(fromYear: ${YEAR - 3}, toYear: ${YEAR}) { ${selection(Object.keys(REPORT_2025))} } }`)();
    // every figure group is one statement for any number of years, read as of each year's statistics day (as before the as-of reads: 26)
    expect(one).toEqual({ personnel: 8, 'professional-development': 7, compensation: 4, governance: 7 });
    expect(four).toEqual(one);
  });

  const TIMELINE = `query($id: ID!, $first: Int, $after: String) { teacherTimeline(teacherId: $id, first: $first, after: $after) {
    hasNextPage endCursor entries { cursor date service entity op superseded recordedBy reason changes { field before after } } } }`;
  interface Entry { cursor: string; date: string; service: string; entity: string; op: string; recordedBy: string; reason: string | null; changes: Array<{ field: string; before: string | null; after: string | null }> }

  it("answers a teacher's timeline across the services, newest first, a page at a time", async () => {
    const all: Entry[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: GraphQLAnswer<{ teacherTimeline: { entries: Entry[]; hasNextPage: boolean; endCursor: string } }> = await p.admin(TIMELINE, { id: d.teacher.t1, first: 2, after });
      expect(r.errors).toBeUndefined();
      all.push(...r.data!.teacherTimeline.entries);
      if (!r.data!.teacherTimeline.hasNextPage) break;
      after = r.data!.teacherTimeline.endCursor;
    }
    const whole = (await p.admin(TIMELINE, { id: d.teacher.t1, first: 100 })).data.teacherTimeline;
    expect(whole.hasNextPage).toBe(false);
    expect(all).toEqual(whole.entries);
    expect(new Set(all.map((e) => e.service))).toEqual(new Set(['personnel', 'professional-development', 'compensation', 'governance']));
    const dates = all.map((e) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // the move of 2026, with what changed and who recorded it
    const move = all.find((e) => e.entity === 'teacher' && e.op === 'update')!;
    expect(move).toMatchObject({ date: '2026-09-01', service: 'personnel', entity: 'teacher', op: 'update', recordedBy: 'district-admin', reason: '2026 年度数据' });
    expect(move.changes).toEqual(
      expect.arrayContaining([
        { field: 'school_id', before: d.school.S1, after: d.school.S2 },
        { field: 'school_start_month', before: '2012-09', after: '2026-09' },
      ]),
    );
    expect(all.at(-1)).toMatchObject({ date: '2012-09-01', entity: 'teacher', op: 'create' });
  });

  it('costs the same statements per service for a page of 2 and of 50', async () => {
    const cost = async (first: number) => {
      const before = p.statements();
      const r = await p.admin(TIMELINE, { id: d.teacher.t1, first });
      expect(r.errors).toBeUndefined();
      const after = p.statements();
      return Object.fromEntries(['personnel', 'professional-development', 'compensation', 'governance'].map((s) => [s, after[s] - before[s]]));
    };
    const small = await cost(2);
    expect(await cost(50)).toEqual(small);
    // at most two a version table (the page, and the versions it compares with): 7 sources in professional-development, 2 in compensation
    expect(small['professional-development']).toBeLessThanOrEqual(14);
    expect(small.compensation).toBeLessThanOrEqual(4);
    expect(small.compensation).toBeGreaterThan(0);
  });

  it('shows a school admin the timeline of a teacher at their school from the day the teacher came, and nothing of others', async () => {
    const at = (school: string) => p.as({ subject: `clerk-${school}`, role: 'SCHOOL_ADMIN', schoolId: d.school[school] });
    const s2 = (await at('S2')(TIMELINE, { id: d.teacher.t1, first: 100 })).data.teacherTimeline.entries as Entry[];
    expect(s2.length).toBeGreaterThan(0);
    expect(s2.every((e) => e.date >= '2026-09-01')).toBe(true);
    expect((await at('S1')(TIMELINE, { id: d.teacher.t1, first: 100 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await p.as({ subject: 't1', role: 'TEACHER', teacherId: d.teacher.t1 })(TIMELINE, { id: d.teacher.t1, first: 100 });
    expect(own.data.teacherTimeline.entries.length).toBeGreaterThan(s2.length);
    expect((await p.as({ subject: 't3', role: 'TEACHER', teacherId: d.teacher.t3 })(TIMELINE, { id: d.teacher.t1 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await p.as({ subject: 'a', role: 'ANALYST' })(TIMELINE, { id: d.teacher.t1 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // a service's part is not a way around the scope
    const direct = await at('S2')(`{ compensationTeacherHistory(teacherId: "${d.teacher.t1}") { date } }`);
    expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  const UNDO = `mutation($id: ID!, $dryRun: Boolean!, $skip: Boolean!) { undoImportJob(id: $id, dryRun: $dryRun, skipConflicts: $skip) {
    jobId dryRun refused services { service undone conflicts items { entity recordId action conflict } } } }`;
  /** what an import job writes: the importer's delegated call through the gateway, naming its job */
  const asImporter = async (jobId: string, mutation: string, input: string, rows: unknown[]) => {
    await p.service('importer').ds.getRepository('ImportJob').insert({
      id: jobId, kind: 'teachers', fileName: 'x.xlsx', fileSize: 1, fileFormat: 'xlsx', fileSha256: '0'.repeat(64), subject: 'district-admin', role: 'DISTRICT_ADMIN',
      principalSchoolId: null, school: null, dryRun: false, partial: false, asOf: '2026-10-01', status: 'succeeded', rowsExpected: null, rowsRead: 0, rowsCreated: 0, rowsUpdated: 0,
      rowsUnchanged: 0, rowsRejected: 0, rowsWarned: 0, sheet: null, header: null, errorCode: null, errorMessage: null, owner: null, heartbeatAt: null, createdAt: new Date(),
      startedAt: null, finishedAt: null, validationMs: null, writingMs: null,
    }).catch(() => undefined);
    const res = await fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signDelegatedToken('importer', p.keys.gatewaySecret, admin)}`, 'x-import-job': jobId },
      body: JSON.stringify({ query: UPSERT(mutation, input), variables: { rows, options: { asOf: '2026-10-01' } } }),
    });
    const body = (await res.json()) as { data: { r: { rows: Array<{ status: string }> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.r.rows.filter((r) => r.status === 'REJECTED')).toEqual([]);
  };
  const tables = async () => ({
    teacher: await p.service('personnel').ds.query('SELECT * FROM teacher ORDER BY id'),
    designation: await p.service('professional-development').ds.query('SELECT * FROM designation ORDER BY id'),
  });
  const teacherRow = async (key: string) => {
    const t = (await p.admin(`{ teacher(id: "${d.teacher[key]}") { school { code } name gender idNumber birthDate ethnicity politicalStatus workStartMonth schoolStartMonth inQuota employmentForm status } }`)).data.teacher;
    const { school, ...rest } = t;
    return { ...rest, schoolCode: school.code };
  };

  it('undoes an import job: a dry run first, then the database exactly as before, the undo kept in the history', async () => {
    const job = '01900000-0000-7000-8000-0000000000a1';
    const before = await tables();
    const report = (await p.admin('{ districtReport(year: 2026) { teacherCount partyMemberTeacherCount designatedTeacherCount } }')).data.districtReport;
    const t3 = await teacherRow('t3');
    await asImporter(job, 'upsertTeachers', 'TeacherInput', [
      { ...t3, politicalStatus: 'MASSES' },
      { ...t3, name: '撤销测试', idNumber: makeIdNumber({ birthDate: '1990-01-02', seq: 77, gender: t3.gender }), birthDate: '1990-01-02', schoolStartMonth: '2026-10' },
    ]);
    await asImporter(job, 'upsertDesignations', 'DesignationInput', [{ teacherId: d.teacher.t4, kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: 2026, validUntil: null }]);
    const versions = await p.service('personnel').ds.query('SELECT record_id FROM teacher_version WHERE import_job_id = ?', [job]);
    expect(versions).toHaveLength(2);
    const written = await tables();
    expect(written).not.toEqual(before);

    const dry = await p.admin(UNDO, { id: job, dryRun: true, skip: false });
    expect(dry.errors).toBeUndefined();
    const by = (r: typeof dry, service: string) => r.data.undoImportJob.services.find((x: { service: string }) => x.service === service);
    expect(by(dry, 'personnel').items.map((i: { action: string }) => i.action).sort()).toEqual(['REMOVE', 'RESTORE']);
    expect(by(dry, 'professional-development')).toMatchObject({ undone: 1, conflicts: 0, items: [{ entity: 'designation', action: 'REMOVE', conflict: false }] });
    expect(await tables()).toEqual(written);

    const done = await p.admin(UNDO, { id: job, dryRun: false, skip: false });
    expect(done.errors).toBeUndefined();
    expect(done.data.undoImportJob.refused).toBe(false);
    expect(await tables()).toEqual(before);
    expect((await p.admin('{ districtReport(year: 2026) { teacherCount partyMemberTeacherCount designatedTeacherCount } }')).data.districtReport).toEqual(report);
    // kept: the job's versions, superseded; the undo in the audit log
    const kept = await p.service('personnel').ds.query('SELECT superseded_at FROM teacher_version WHERE import_job_id = ?', [job]);
    expect(kept.every((v: { superseded_at: unknown }) => v.superseded_at !== null)).toBe(true);
    const audit = await p.admin(`{ personnelAuditLog(filter: { entityId: "${d.teacher.t3}" }, first: 100) { nodes { key } } }`);
    expect(audit.data.personnelAuditLog.nodes.map((n: { key: string }) => n.key)).toContain(`撤销导入 ${job}`);
  });

  it('refuses to undo a job whose rows were changed again since, unless told to skip them', async () => {
    const job = '01900000-0000-7000-8000-0000000000a2';
    const t4 = await teacherRow('t4');
    const t5 = await teacherRow('t5');
    await asImporter(job, 'upsertTeachers', 'TeacherInput', [{ ...t4, politicalStatus: 'MASSES' }, { ...t5, politicalStatus: 'CPC_MEMBER' }]);
    // a later write changes t4 again
    expect((await p.admin(UPSERT('upsertTeachers', 'TeacherInput'), { rows: [{ ...t4, politicalStatus: 'CYL_MEMBER' }] })).errors).toBeUndefined();
    const refused = await p.admin(UNDO, { id: job, dryRun: false, skip: false });
    expect(refused.data.undoImportJob.refused).toBe(true);
    const personnel = refused.data.undoImportJob.services.find((x: { service: string }) => x.service === 'personnel');
    expect(personnel.items.filter((i: { conflict: boolean }) => i.conflict).map((i: { recordId: string }) => i.recordId)).toEqual([d.teacher.t4]);
    expect((await teacherRow('t5')).politicalStatus).toBe('CPC_MEMBER');

    const skipped = await p.admin(UNDO, { id: job, dryRun: false, skip: true });
    expect(skipped.data.undoImportJob.refused).toBe(false);
    expect((await teacherRow('t5')).politicalStatus).toBe(t5.politicalStatus);
    expect((await teacherRow('t4')).politicalStatus).toBe('CYL_MEMBER');
  });
});
