import http from 'node:http';
import { AddressInfo } from 'node:net';
import { REFORM_STATUS, SPONSOR } from '@tw/kernel';
import { testDatabaseKinds, tokenFor } from '@tw/kernel/testing';
import ExcelJS from 'exceljs';
import express from 'express';
import { EMPTY, FigureCatalogue, mountReports, readFigures, SHEETS } from '@tw/gateway';
import { Platform, startPlatform } from '../src/platform';
import { District, loadReportDistrict, SCHOOL_ROWS_2025, YEAR } from './analytics-district';

/** A figure as a cell of the 报表 and 学校对比 sheets holds it. */
function cell(format: string, value: unknown): unknown {
  if (value === null || value === undefined) return EMPTY;
  if (format === 'status') return REFORM_STATUS.label(value as never);
  return Number(value);
}

/** The 报表 sheet of the test district for DISTRICT_ADMIN, row by row: label, value (EMPTY where there is none). */
const REPORT_SHEET_2025: ReadonlyArray<[string, unknown]> = [
  ['学校数', 3], ['其中：公办学校数', 2], ['在职教师数', 15], ['其中：公办学校教师数', 12], ['党员教师数', 6], ['核定编制数', 13], ['在编在岗教师数', 10],
  ['新入编人数', 3], ['招聘教师数', 4], ['其中：校园招聘', 2], ['其中：社会公开招聘', 1], ['其中：招才引智', 1], ['其中：其他', 0], ['交流轮岗人次', 2],
  ['培训人次', 10], ['其中：国家级', 0], ['其中：省级', 2], ['其中：地市级', 3], ['其中：县级', 4], ['其中：校级', 1], ['其中：其他', 0],
  ['培训学时', 134], ['师德与思想政治培训人次', 6], ['师德与思想政治培训期数', 2], ['新认定名师骨干', 4], ['名师骨干教师数（公办）', 5], ['名师骨干占公办教师比例', 0.4167],
  ['名师（名班主任）工作室', 2], ['其中：名师工作室（国家级）', 0], ['其中：名师工作室（省级）', 0], ['其中：名师工作室（市级）', 1], ['其中：名师工作室（区级）', 1],
  ['其中：名班主任工作室（国家级）', 0], ['其中：名班主任工作室（省级）', 0], ['其中：名班主任工作室（市级）', 0], ['其中：名班主任工作室（区级）', 0], ['示范课', 3],
  ['骨干教师数（含民办）', 6], ['骨干教师中的党员', 4], ['骨干教师中的非党员（把骨干培养成党员）', 2], ['党员教师中的非骨干（把党员培养成骨干）', 2], ['师德一票否决人数', 3],
  ['教师年平均工资收入', 96875], ['当地公务员年平均工资', 100000], ['教师平均工资与公务员之比', 0.9688], ['计入平均工资的教师数', 8],
  ['优秀教育人才考核合格', 4], ['其中：A类', 1], ['其中：B类', 2], ['其中：C类', 1], ['人才补贴发放总额', 66000],
  ['校长职级认定人数', 1], ['受表彰教师数', 2], ['检查考核评比次数', 3], ['上年检查考核评比次数', 4], ['检查考核压减比例', 0.25], ['目录清单事项数', 2], ['上年目录清单事项数', 3],
  ['党组织领导的校长负责制：学校数', 3], ['其中：未启动', 1], ['其中：试点', 1], ['其中：已完成', 1], ['校长负责制改革完成比例', 0.3333],
];

/** The 学校对比 sheet's figure columns: the school comparison's fields, in order, and their headers. */
const SCHOOL_COLUMNS: ReadonlyArray<[string, string]> = [
  ['teacherCount', '在职教师数（人）'], ['publicTeacherCount', '公办学校教师数（人）'], ['partyMemberTeacherCount', '党员教师数（人）'], ['quotaApproved', '核定编制数（个）'],
  ['quotaFilled', '在编在岗教师数（人）'], ['inQuotaHires', '新入编人数（人）'], ['recruitedTotal', '招聘教师数（人）'], ['rotations', '交流轮岗人次（人次）'],
  ['trainingPersonTimes', '培训人次（人次）'], ['trainingHours', '培训学时（学时）'], ['ethicsTrainingPersonTimes', '师德与思想政治培训人次（人次）'],
  ['ethicsTrainingSessions', '师德与思想政治培训期数（期）'], ['newDesignations', '新认定名师骨干（人次）'], ['designatedTeacherCount', '名师骨干教师数（公办）（人）'],
  ['designatedShareOfPublicTeachers', '名师骨干占公办教师比例'], ['studioCount', '名师（名班主任）工作室（个）'], ['demonstrationLessons', '示范课（课次）'],
  ['backboneTeacherCount', '骨干教师数（含民办）（人）'], ['backbonePartyMembers', '骨干教师中的党员（人）'], ['backboneNotPartyMember', '骨干教师中的非党员（把骨干培养成党员）（人）'],
  ['partyMemberNotBackbone', '党员教师中的非骨干（把党员培养成骨干）（人）'], ['ethicsVetoedTeachers', '师德一票否决人数（人）'], ['averageTeacherPay', '教师年平均工资收入（元）'],
  ['payParityRatio', '教师平均工资与公务员之比'], ['talentPassed', '优秀教育人才考核合格（人）'], ['talentSubsidyTotal', '人才补贴发放总额（元）'], ['principalsCertified', '校长职级认定人数（人）'],
  ['teachersCommended', '受表彰教师数（人）'], ['inspections', '检查考核评比次数（次）'], ['inspectionsPreviousYear', '上年检查考核评比次数（次）'], ['inspectionReduction', '检查考核压减比例'],
  ['reformStatus', '校长负责制改革状态'],
];
const FORMAT_OF_COLUMN: Record<string, string> = { averageTeacherPay: 'yuan', talentSubsidyTotal: 'yuan', designatedShareOfPublicTeachers: 'percent', payParityRatio: 'percent', inspectionReduction: 'percent', reformStatus: 'status' };

/** The 说明 sheet's table: each figure once (the district's, a breakdown after the figure it breaks down, then the comparison's own), and the service that computes it. */
const NOTES_TABLE: ReadonlyArray<[string, string]> = [
  ['schoolCount', 'personnel'], ['publicSchoolCount', 'personnel'], ['teacherCount', 'personnel'], ['publicTeacherCount', 'personnel'], ['partyMemberTeacherCount', 'personnel'],
  ['quotaApproved', 'personnel'], ['quotaFilled', 'personnel'], ['inQuotaHires', 'personnel'], ['recruitedTotal', 'personnel'], ['recruitedByChannel', 'personnel'], ['rotations', 'personnel'],
  ...['trainingPersonTimes', 'personTimesByLevel', 'trainingHours', 'ethicsTrainingPersonTimes', 'ethicsTrainingSessions', 'newDesignations', 'designatedTeacherCount',
    'designatedShareOfPublicTeachers', 'studioCount', 'studiosByKindAndLevel', 'demonstrationLessons', 'backboneTeacherCount', 'backbonePartyMembers', 'backboneNotPartyMember',
    'partyMemberNotBackbone'].map((f): [string, string] => [f, 'professional-development']),
  ['ethicsVetoedTeachers', 'governance'],
  ...['averageTeacherPay', 'civilServantAveragePay', 'payParityRatio', 'payTeachers', 'talentPassed', 'talentPassedByCategory', 'talentSubsidyTotal'].map((f): [string, string] => [f, 'compensation']),
  ...['principalsCertified', 'teachersCommended', 'inspections', 'inspectionsPreviousYear', 'inspectionReduction', 'catalogueItems', 'catalogueItemsPreviousYear', 'governanceReform', 'reformStatus'].map(
    (f): [string, string] => [f, 'governance'],
  ),
];

/** What each school of the district sent none of in 2025 (the 学校对比 sheet's last column). */
const MISSING_2025 = { S1: '年度考核', S2: '师德信息、年度考核', S3: '师德信息、年度考核' } as const;

describe.each(testDatabaseKinds())('the district report workbook on %s', (kind) => {
  let p: Platform;
  let d: District;
  let figures: FigureCatalogue;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    p = await startPlatform(kind);
    d = await loadReportDistrict(p);
    const app = express();
    figures = readFigures(p.supergraphSdl);
    mountReports(app, { gatewayUrl: () => p.gatewayUrl, figures });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await p.stop();
  });

  const download = async (path: string, principal: Parameters<typeof tokenFor>[1] | null) =>
    fetch(`${base}${path}`, { headers: principal ? { authorization: `Bearer ${tokenFor(p.keys, principal)}` } : {} });
  const read = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    return wb;
  };
  const admin = { subject: 'district-admin', role: 'DISTRICT_ADMIN' } as const;

  it('writes the report, the school comparison and the definitions, every cell as the district was built', async () => {
    const res = await download(`/reports/district/${YEAR}.xlsx`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="district-report-${YEAR}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${YEAR}年度教师队伍建设报表.xlsx`)}`,
    );
    const wb = await read(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.report, SHEETS.schools, SHEETS.notes]);

    const report = wb.getWorksheet(SHEETS.report)!;
    expect(report.getCell('A1').value).toBe(`${YEAR} 年度教师队伍建设主要指标`);
    expect(report.getRow(3).values).toEqual([undefined, '类别', '指标', '数值', '单位', '口径', '数据缺口（当年未报送所依据数据的学校）']);
    const rows: Array<[string, unknown]> = [];
    const gaps: Array<[string, unknown]> = [];
    const formats = new Map<string, string | undefined>();
    report.eachRow((row, n) => {
      if (n <= 3) return;
      rows.push([String(row.getCell(2).value), row.getCell(3).value]);
      if (row.getCell(6).value) gaps.push([String(row.getCell(2).value), row.getCell(6).value]);
      formats.set(String(row.getCell(2).value), row.getCell(3).numFmt);
    });
    expect(rows).toEqual(REPORT_SHEET_2025);
    // the district built sends no ethics assessment of S2 and S3 for the year: the veto count names them as its gap
    expect(gaps).toEqual([['师德一票否决人数', '2 所学校未报送师德信息：报表第二中学、报表民办学校']]);
    // the formats that show the numbers as a reader expects them
    expect([formats.get('在职教师数'), formats.get('教师年平均工资收入'), formats.get('名师骨干占公办教师比例'), formats.get('检查考核压减比例')]).toEqual(['#,##0', '#,##0.00', '0.00%', '0.00%']);
    // the groups head their first row only, each once
    const groups: string[] = [];
    report.eachRow((row, n) => {
      if (n > 3 && row.getCell(1).value) groups.push(String(row.getCell(1).value));
    });
    expect(groups).toEqual(['人事与编制', '教师发展', '师德与党建双培养', '待遇保障', '教育治理']);

    const schools = wb.getWorksheet(SHEETS.schools)!;
    expect(schools.getRow(1).values).toEqual([undefined, '学校标识码', '学校名称', '举办者', ...SCHOOL_COLUMNS.map(([, header]) => header), '当年未报送']);
    expect(schools.rowCount).toBe(4);
    for (const [n, key] of [[2, 'S1'], [3, 'S2'], [4, 'S3']] as const) {
      const row = schools.getRow(n).values as unknown[];
      const expectedRow = SCHOOL_COLUMNS.map(([field]) => cell(FORMAT_OF_COLUMN[field] ?? 'count', SCHOOL_ROWS_2025[key][field]));
      // a figure that reads 0 while the school sent none of a kind it is counted from is a gap: 未报送 (S3 sent no ethics assessment)
      const gapped = SCHOOL_COLUMNS.map(([field], i) => (key === 'S3' && field === 'ethicsVetoedTeachers' ? '未报送' : expectedRow[i]));
      expect({ key, row: row.slice(4) }).toEqual({ key, row: [...gapped, MISSING_2025[key]] });
    }
    expect(schools.getRow(2).getCell(1).value).toBe('4101029101');
    expect(schools.getRow(4).getCell(3).value).toBe(SPONSOR.label('PRIVATE'));

    const notes = wb.getWorksheet(SHEETS.notes)!;
    const text: string[] = [];
    notes.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    // the terms the figures share, the one a service declares (what a teacher is) among them
    expect(figures.notes).toHaveLength(7);
    expect(figures.notes[1]).toMatch(/^教师：名册中人员状态为/);
    for (const note of figures.notes) expect(text).toContain(note);
    const table: Array<[string, string]> = [];
    const definitions = new Map<string, unknown[]>();
    let inTable = false;
    notes.eachRow((row) => {
      if (inTable) {
        table.push([String(row.getCell(2).value), String(row.getCell(6).value)]);
        definitions.set(String(row.getCell(2).value), [row.getCell(1).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]);
      }
      if (row.getCell(1).value === '指标') inTable = true;
    });
    expect(table).toEqual(NOTES_TABLE);
    // what the services declare is what the sheet says, each figure with a name and a definition of its own
    for (const f of figures.all) {
      expect({ field: f.field, row: definitions.get(f.field) }).toEqual({ field: f.field, row: [f.label, f.unit, f.definition, f.school ? (f.schoolDefinition ?? '同左') : '不列入学校对比'] });
      expect(f.definition.length).toBeGreaterThan(5);
    }
    expect(new Set(figures.all.map((f) => f.definition)).size).toBe(figures.all.length);
  });

  it("writes what the caller may read: ANALYST's small groups withheld, a SCHOOL_ADMIN's own school, nothing without a token", async () => {
    const analyst = await read(await download(`/reports/district/${YEAR}.xlsx?orderBy=TEACHER_COUNT&direction=DESC`, { subject: 'a', role: 'ANALYST' }));
    const rows = analyst.getWorksheet(SHEETS.schools)!;
    const col = (field: string) => 4 + SCHOOL_COLUMNS.findIndex(([f]) => f === field);
    expect([2, 3, 4].map((n) => rows.getRow(n).getCell(2).value)).toEqual(['报表第一小学', '报表第二中学', '报表民办学校']);
    expect([2, 3, 4].map((n) => rows.getRow(n).getCell(col('averageTeacherPay')).value)).toEqual([EMPTY, EMPTY, EMPTY]);
    expect([2, 3, 4].map((n) => rows.getRow(n).getCell(col('teacherCount')).value)).toEqual([8, 4, 3]);
    const subsidy = new Map<string, unknown>();
    analyst.getWorksheet(SHEETS.report)!.eachRow((row) => subsidy.set(String(row.getCell(2).value), row.getCell(3).value));
    expect(subsidy.get('人才补贴发放总额')).toBe(EMPTY);
    expect(subsidy.get('教师年平均工资收入')).toBe(96875);

    const clerk = await read(await download(`/reports/district/${YEAR}.xlsx`, { subject: 'c', role: 'SCHOOL_ADMIN', schoolId: d.school.S2 }));
    expect(clerk.getWorksheet(SHEETS.schools)!.rowCount).toBe(2);
    expect(clerk.getWorksheet(SHEETS.schools)!.getRow(2).getCell(2).value).toBe('报表第二中学');

    const none = await download(`/reports/district/${YEAR}.xlsx`, null);
    expect(none.status).toBe(401);
    const teacher = await download(`/reports/district/${YEAR}.xlsx`, { subject: 't', role: 'TEACHER', teacherId: d.teacher.t1 });
    expect(teacher.status).toBe(403);
    expect(((await teacher.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download('/reports/district/20x5.xlsx', admin)).status).toBe(400);
    expect((await download(`/reports/district/${YEAR}.xlsx?sinceYear=2030`, admin)).status).toBe(400);
  });
});
