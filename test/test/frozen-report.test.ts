import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mountReports, readFigures, SHEETS } from '@tw/gateway';
import { FrozenReport, newId } from '@tw/kernel';
import { testDatabaseKinds, tokenFor } from '@tw/kernel/testing';
import ExcelJS from 'exceljs';
import express from 'express';
import { Platform, startPlatform } from '../src/platform';
import { District, loadReportDistrict, REPORT_2025, YEAR } from './analytics-district';
import { selection } from './analytics-fields';

const ALL = selection(Object.keys(REPORT_2025));
const PARTS = ['personnel', 'professional-development', 'compensation', 'governance'] as const;
const REVISIONS = 'personnelRevisions { service field label frozenValue liveValue } professionalDevelopmentRevisions { service field label frozenValue liveValue } compensationRevisions { service field label frozenValue liveValue } governanceRevisions { service field label frozenValue liveValue }';
const FREEZE = 'year frozenAt frozenBy frozenByRole unfrozenAt unfrozenBy unfreezeReason';

interface Revision {
  service: string;
  field: string;
  label: string;
  frozenValue: string | null;
  liveValue: string | null;
}
const revisionsOf = (r: Record<string, unknown>): Revision[] =>
  ['personnelRevisions', 'professionalDevelopmentRevisions', 'compensationRevisions', 'governanceRevisions'].flatMap((k) => r[k] as Revision[]);

describe.each(testDatabaseKinds())('frozen yearly figures on %s', (kind) => {
  let p: Platform;
  let d: District;
  /** the standing freezes of a year in every service's frozen_report table */
  const standing = (year: number) => Promise.all(PARTS.map((s) => p.service(s).ds.getRepository(FrozenReport).find({ where: { activeYear: year } })));

  let server: http.Server;
  /** the 报表 sheet of the year's workbook export, as DISTRICT_ADMIN downloads it */
  const reportSheet = async (year: number) => {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/reports/district/${year}.xlsx`, {
      headers: { authorization: `Bearer ${tokenFor(p.keys, { subject: 'district-admin', role: 'DISTRICT_ADMIN' })}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet(SHEETS.report)!;
    const value = (label: string) => ws.getColumn(2).values.indexOf(label);
    return { title: String(ws.getCell(1, 1).value), subtitle: String(ws.getCell(2, 1).value), cell: (label: string) => ws.getCell(value(label), 3).value };
  };

  beforeAll(async () => {
    p = await startPlatform(kind);
    d = await loadReportDistrict(p);
    const app = express();
    mountReports(app, { gatewayUrl: () => p.gatewayUrl, figures: readFigures(p.supergraphSdl) });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await p.stop();
  });

  it('refuses every role but DISTRICT_ADMIN, and a part frozen other than through freezeDistrictReport', async () => {
    for (const principal of [
      { subject: 'clerk', role: 'SCHOOL_ADMIN' as const, schoolId: d.school.S1 },
      { subject: 'analyst', role: 'ANALYST' as const },
      { subject: 'teacher', role: 'TEACHER' as const, teacherId: d.teacher.t1 },
    ]) {
      const r = await p.as(principal)(`mutation { freezeDistrictReport(year: ${YEAR}) { year } }`);
      expect(r.errors?.[0]).toMatchObject({ message: `This needs one of the roles DISTRICT_ADMIN; your token has ${principal.role}`, extensions: { code: 'FORBIDDEN' } });
      const u = await p.as(principal)(`mutation { unfreezeDistrictReport(year: ${YEAR}, reason: "更正") { year } }`);
      expect(u.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const direct = await p.admin(`mutation { freezeCompensationFigures(year: ${YEAR}, freezeId: "${newId()}", owner: "{}") { year } }`);
    expect(direct.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(direct.errors?.[0]?.message).toMatch(/only through freezeDistrictReport/);
    expect((await standing(YEAR)).flat()).toEqual([]);
  });

  it('freezes every service’s figures: districtReport answers them with frozenAt and who froze them', async () => {
    const live = await p.admin(`{ districtReport(year: ${YEAR}) { ${ALL} frozen { year } } }`);
    expect(live.data.districtReport).toEqual({ ...REPORT_2025, frozen: null });
    const frozen = await p.admin(`mutation { freezeDistrictReport(year: ${YEAR}) { ${FREEZE} } }`);
    expect(frozen.errors).toBeUndefined();
    expect(frozen.data.freezeDistrictReport).toMatchObject({ year: YEAR, frozenBy: 'district-admin', frozenByRole: 'DISTRICT_ADMIN', unfrozenAt: null });
    const rows = (await standing(YEAR)).map((r) => r[0]);
    expect(rows.every((r) => r && r.freezeId === rows[0].freezeId)).toBe(true);
    // a frozen year is read, not computed: one statement per service (its standing freeze)
    const before = p.statements();
    const stored = await p.admin(`{ districtReport(year: ${YEAR}) { ${ALL} frozen { year } } }`);
    const after = p.statements();
    expect(stored.errors).toBeUndefined();
    expect(stored.data.districtReport).toEqual({ ...REPORT_2025, frozen: { year: YEAR } });
    expect(PARTS.map((s) => after[s] - before[s])).toEqual([1, 1, 1, 1]);
    const r = await p.admin(`{ districtReport(year: ${YEAR}) { ${ALL} frozen { ${FREEZE} } ${REVISIONS} } }`);
    expect(r.errors).toBeUndefined();
    const { frozen: f, ...rest } = r.data.districtReport;
    expect(f).toEqual(frozen.data.freezeDistrictReport);
    expect(revisionsOf(rest)).toEqual([]);
    expect(rest).toMatchObject(REPORT_2025);
  });

  it('refuses a second freeze of the year, saying when and by whom it was frozen', async () => {
    const r = await p.admin(`mutation { freezeDistrictReport(year: ${YEAR}) { year } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('REPORT_ALREADY_FROZEN');
    expect(r.errors?.[0]?.message).toMatch(/^2025 年的区域报表已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）由 district-admin 冻结为正式数据，不能重复冻结：请先解除冻结（需填写原因）再重新冻结$/);
  });

  it('after a correction, still answers the frozen figures and lists each revised one with both values', async () => {
    const analyst = p.as({ subject: 'analyst', role: 'ANALYST' });
    const analystBefore = await analyst(`{ districtReport(year: ${YEAR}) { ${ALL} } }`);
    // a training of 2025 recorded late (professional development) and a hire of 2025 (personnel)
    const t = await p.admin('mutation($rows: [TrainingInput!]!) { r: upsertTrainings(rows: $rows) { rejected } }', {
      rows: [{ teacherId: d.teacher.t4, year: 2025, level: 'COUNTY', projectName: '2025年师德师风专题培训', mode: 'SHORT_FACE_TO_FACE', hours: 6, topic: 'ETHICS' }],
    });
    expect(t.errors).toBeUndefined();
    expect(t.data.r.rejected).toBe(0);
    const h = await p.admin('mutation($rows: [HireInput!]!) { r: upsertHires(rows: $rows) { rejected } }', { rows: [{ teacherId: d.teacher.t4, year: 2025, channel: 'CAMPUS', inQuotaDate: null }] });
    expect(h.errors).toBeUndefined();
    expect(h.data.r.rejected).toBe(0);

    const r = await p.admin(`{ districtReport(year: ${YEAR}) { ${ALL} ${REVISIONS} } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.districtReport).toMatchObject(REPORT_2025);
    const revisions = revisionsOf(r.data.districtReport);
    expect(revisions).toEqual(
      expect.arrayContaining([
        { service: 'personnel', field: 'recruitedTotal', label: '招聘教师数', frozenValue: String(REPORT_2025.recruitedTotal), liveValue: String(REPORT_2025.recruitedTotal + 1) },
        { service: 'professional-development', field: 'trainingPersonTimes', label: '培训人次', frozenValue: String(REPORT_2025.trainingPersonTimes), liveValue: String(REPORT_2025.trainingPersonTimes + 1) },
        { service: 'professional-development', field: 'ethicsTrainingPersonTimes', label: '师德与思想政治培训人次', frozenValue: String(REPORT_2025.ethicsTrainingPersonTimes), liveValue: String(REPORT_2025.ethicsTrainingPersonTimes + 1) },
      ]),
    );
    // only what changed: compensation and governance have nothing to list
    expect(revisions.filter((x) => x.service === 'compensation' || x.service === 'governance')).toEqual([]);
    expect(revisions.map((x) => x.field).sort()).toEqual(['ethicsTrainingPersonTimes', 'personTimesByLevel', 'recruitedByChannel', 'recruitedTotal', 'trainingHours', 'trainingPersonTimes'].sort());

    // the workbook says the figures are the official ones, frozen then by whom, and writes the frozen values
    const sheet = await reportSheet(YEAR);
    expect(sheet.title).toBe('2025 年度教师队伍建设主要指标（正式版）');
    expect(sheet.subtitle).toMatch(/^正式数据：已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）由 district-admin 冻结，其后的更正不计入；新认定名师骨干自 2025 年起计/);
    expect(sheet.cell('培训人次')).toBe(REPORT_2025.trainingPersonTimes);
    expect(sheet.cell('招聘教师数')).toBe(REPORT_2025.recruitedTotal);

    // the trend answers the frozen year from the store and the others live
    const trend = await p.admin(`{ districtReports(fromYear: 2024, toYear: 2025) { year trainingPersonTimes frozen { year } } }`);
    expect(trend.data.districtReports).toEqual([
      { year: 2024, trainingPersonTimes: 1, frozen: null },
      { year: 2025, trainingPersonTimes: REPORT_2025.trainingPersonTimes, frozen: { year: 2025 } },
    ]);
    // the official version is the report of the year alone: another sinceYear is computed live
    const since = await p.admin(`{ districtReport(year: ${YEAR}, sinceYear: 2024) { trainingPersonTimes frozen { year } } }`);
    expect(since.data.districtReport).toEqual({ trainingPersonTimes: REPORT_2025.trainingPersonTimes + 1, frozen: null });

    // an ANALYST reads the frozen figures as they were withheld from an ANALYST when frozen
    const analystAfter = await analyst(`{ districtReport(year: ${YEAR}) { ${ALL} } }`);
    expect(analystAfter.errors).toBeUndefined();
    expect(analystAfter.data).toEqual(analystBefore.data);
    expect(analystAfter.data.districtReport.talentSubsidyTotal).toBeNull();
  });

  it('unfreezes only with a reason, audited in every service: the figures are live again', async () => {
    for (const reason of ['', '   ']) {
      const r = await p.admin('mutation($reason: String!) { unfreezeDistrictReport(year: 2025, reason: $reason) { year } }', { reason });
      expect(r.errors?.[0]).toMatchObject({ message: '解除 2025 年报表冻结必须填写原因', extensions: { code: 'UNFREEZE_REASON_REQUIRED' } });
    }
    expect((await standing(YEAR)).every((r) => r.length === 1)).toBe(true);
    const reason = '补录 2025 年培训和招聘记录，重新核定';
    const u = await p.admin(`mutation($reason: String!) { unfreezeDistrictReport(year: ${YEAR}, reason: $reason) { ${FREEZE} } }`, { reason });
    expect(u.errors).toBeUndefined();
    expect(u.data.unfreezeDistrictReport).toMatchObject({ year: YEAR, unfrozenBy: 'district-admin', unfreezeReason: reason });
    expect((await standing(YEAR)).flat()).toEqual([]);
    for (const [service, log] of [
      ['personnel', 'personnelAuditLog'],
      ['professional-development', 'professionalDevelopmentAuditLog'],
      ['compensation', 'compensationAuditLog'],
      ['governance', 'governanceAuditLog'],
    ]) {
      const a = await p.admin(`{ ${log}(filter: { entity: "frozen_report" }, first: 10) { nodes { actorSubject actorRole key before after } } }`);
      expect(a.errors).toBeUndefined();
      const nodes = a.data[log].nodes as Array<{ actorSubject: string; key: string; before: string | null; after: string }>;
      expect(nodes.map((n) => [n.actorSubject, n.key, n.before === null])).toEqual([
        ['district-admin', '2025', true],
        ['district-admin', '2025', false],
      ]);
      expect(JSON.parse(nodes[1].after)).toMatchObject({ year: 2025, unfrozenBy: 'district-admin', reason });
      void service;
    }
    const r = await p.admin(`{ districtReport(year: ${YEAR}) { trainingPersonTimes recruitedTotal frozen { year } ${REVISIONS} } }`);
    expect(r.data.districtReport).toMatchObject({ trainingPersonTimes: REPORT_2025.trainingPersonTimes + 1, recruitedTotal: REPORT_2025.recruitedTotal + 1, frozen: null });
    expect(revisionsOf(r.data.districtReport)).toEqual([]);
    const sheet = await reportSheet(YEAR);
    expect(sheet.title).toBe('2025 年度教师队伍建设主要指标');
    expect(sheet.subtitle).toMatch(/^新认定名师骨干自 2025 年起计/);
    expect(sheet.cell('培训人次')).toBe(REPORT_2025.trainingPersonTimes + 1);
    const again = await p.admin(`mutation { unfreezeDistrictReport(year: ${YEAR}, reason: "再次解除") { year } }`);
    expect(again.errors?.[0]).toMatchObject({ message: '2025 年的区域报表没有冻结，无需解除', extensions: { code: 'REPORT_NOT_FROZEN' } });
  });

  it('freezes all services or none: when one part fails, the parts already frozen are rolled back', async () => {
    // governance holds a freeze of 2024 left over from elsewhere: its part refuses
    const leftover = Object.assign(new FrozenReport(), {
      id: newId(), year: 2024, activeYear: 2024, freezeId: newId(), figuresJson: '{"open":{},"restricted":{}}',
      frozenAt: new Date('2026-01-05T02:00:00Z'), frozenBy: 'someone-else', frozenByRole: 'DISTRICT_ADMIN', unfrozenAt: null, unfrozenBy: null, unfreezeReason: null,
    });
    await p.service('governance').ds.getRepository(FrozenReport).insert(leftover);
    const r = await p.admin('mutation { freezeDistrictReport(year: 2024) { year } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FREEZE_INCOMPLETE', cause: 'REPORT_ALREADY_FROZEN' });
    expect(r.errors?.[0]?.message).toMatch(/^2024 年报表未能冻结，所有服务均未冻结（governance：2024 年的区域报表已于 2026-01-05 10:00（北京时间）由 someone-else 冻结/);
    const [pe, pd, co, go] = await standing(2024);
    expect([pe, pd, co]).toEqual([[], [], []]);
    expect(go.map((x) => x.id)).toEqual([leftover.id]);
    // the parts frozen before governance refused were lifted, with the reason on record
    const lifted = await p.service('compensation').ds.getRepository(FrozenReport).find({ where: { year: 2024 } });
    expect(lifted).toHaveLength(1);
    expect(lifted[0].unfreezeReason).toMatch(/^冻结未全部完成，已自动撤回/);
    const report = await p.admin('{ districtReport(year: 2024) { frozen { year } governanceRevisions { field } } }');
    expect(report.data.districtReport.frozen).toBeNull();
    // unfreezing lifts the leftover too, and the year then freezes whole
    const u = await p.admin('mutation { unfreezeDistrictReport(year: 2024, reason: "清理遗留的冻结") { unfrozenBy } }');
    expect(u.errors).toBeUndefined();
    expect((await standing(2024)).flat()).toEqual([]);
    const f = await p.admin('mutation { freezeDistrictReport(year: 2024) { year } }');
    expect(f.errors).toBeUndefined();
    expect((await standing(2024)).map((x) => x.length)).toEqual([1, 1, 1, 1]);
  });
});
