import { composeSupergraph, GatewayHandle, SHEETS, startGateway } from '@tw/gateway';
import { buildFederatedSchema, Figure, FigureDefinition, FigureRow, graphqlEnum, ServiceHandle, SPONSOR, startService, subgraphSdl } from '@tw/kernel';
import { testDatabaseKinds, tokenFor } from '@tw/kernel/testing';
import ExcelJS from 'exceljs';
import { Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { composeFromSources, Platform, startPlatform } from '../src/platform';

// A subgraph the gateway has never heard of adds a figure, a breakdown and a school column to the
// report, declared with the kernel's @Figure as a service would: the running gateway, composed over it,
// writes them into the workbook and lists them at /reports/figures. Nothing of the gateway changes.

const TEST_FIGURE: FigureDefinition = {
  label: '测试指标', unit: '项', format: 'count', group: '教育治理', order: 75,
  definition: '测试子图声明的指标：报表年度减去 2000。', schoolDefinition: '测试子图的学校口径。',
};
const TEST_BREAKDOWN: FigureDefinition = { label: '测试指标（按举办者）', unit: '项', format: 'count', group: '教育治理', order: 76, definition: '测试子图声明的分项。' };

@ObjectType('DistrictReport')
@Directive('@key(fields: "year sinceYear")')
class TestDistrictReport {
  @Field(() => Int) year!: number;
  @Field(() => Int) sinceYear!: number;
}

@ObjectType('SchoolReport')
@Directive('@key(fields: "schoolId year sinceYear")')
class TestSchoolReport {
  @Field(() => ID) schoolId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) sinceYear!: number;
}

@ObjectType('TestSponsorCount')
class TestSponsorCount {
  @Field(() => graphqlEnum(SPONSOR)) sponsor!: string;
  @Field(() => Int) @FigureRow({ label: '其中：{sponsor}学校的测试数', order: 1 }) count!: number;
}

@Resolver(() => TestDistrictReport)
class TestDistrictResolver {
  @FieldResolver(() => Int, { description: 'A test figure: the year less 2000' })
  @Figure(TEST_FIGURE)
  testFigure(@Root() r: TestDistrictReport): number {
    return r.year - 2000;
  }

  @FieldResolver(() => [TestSponsorCount], { description: 'A test breakdown' })
  @Figure(TEST_BREAKDOWN)
  testBySponsor(): TestSponsorCount[] {
    return [Object.assign(new TestSponsorCount(), { sponsor: 'PUBLIC', count: 7 }), Object.assign(new TestSponsorCount(), { sponsor: 'PRIVATE', count: 2 })];
  }
}

@Resolver(() => TestSchoolReport)
class TestSchoolResolver {
  @FieldResolver(() => Int, { description: 'A test figure: the year less 2000' })
  @Figure(TEST_FIGURE)
  testFigure(@Root() r: TestSchoolReport): number {
    return r.year - 2000;
  }
}

const SUBGRAPH = 'test-figures';
const YEAR = 2025;

describe.each(testDatabaseKinds())('a figure declared in one subgraph, on %s', (kind) => {
  let p: Platform;
  let subgraph: ServiceHandle;
  let gateway: GatewayHandle;
  let origin: string;

  beforeAll(async () => {
    p = await startPlatform(kind);
    const schema = await buildFederatedSchema({
      resolvers: [TestDistrictResolver, TestSchoolResolver],
      orphanedTypes: [TestDistrictReport, TestSchoolReport],
      referenceResolvers: { DistrictReport: { __resolveReference: (ref: TestDistrictReport) => ref }, SchoolReport: { __resolveReference: (ref: TestSchoolReport) => ref } },
    });
    // the subgraph keeps no records: its database is never opened
    const unused = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    subgraph = await startService({ name: SUBGRAPH, schema, dataSource: unused, keys: p.keys, production: false, context: (base) => base }, { host: '127.0.0.1', port: 0 });
    const { subgraphs } = await composeFromSources();
    const { supergraphSdl } = composeSupergraph([...subgraphs, { name: SUBGRAPH, url: subgraph.url, sdl: subgraphSdl(schema) }]);
    gateway = await startGateway({
      supergraphSdl,
      subgraphUrls: { ...Object.fromEntries(p.services.map((s) => [s.name, s.url])), [SUBGRAPH]: subgraph.url },
      gatewaySecret: p.keys.gatewaySecret,
      production: false,
      port: 0,
    });
    origin = new URL(gateway.url).origin;
    const r = await p.admin(`mutation($rows: [SchoolInput!]!) { r: upsertSchools(rows: $rows) { created rejected } }`, {
      rows: [{ code: '4101029301', name: '指标测试学校', type: 'PRIMARY', sponsor: 'PUBLIC' }],
    });
    expect(r.data?.r).toEqual({ created: 1, rejected: 0 });
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
    await p?.stop();
  });

  it('is listed with its definition at GET /reports/figures (no token needed), in its place among the services’ figures', async () => {
    const res = await fetch(`${origin}/reports/figures`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { groups: string[]; notes: string[]; figures: Array<Record<string, unknown>> };
    expect(body.groups).toEqual(['人事与编制', '教师发展', '师德与党建双培养', '待遇保障', '教育治理']);
    const fields = body.figures.map((f) => f.field);
    expect(fields.slice(fields.indexOf('catalogueItemsPreviousYear'))).toEqual(['catalogueItemsPreviousYear', 'governanceReform', 'testFigure', 'testBySponsor', 'reformStatus']);
    expect(body.figures.find((f) => f.field === 'testFigure')).toMatchObject({
      ...TEST_FIGURE,
      service: SUBGRAPH,
      district: true,
      school: true,
      breakdown: null,
    });
    expect(body.figures.find((f) => f.field === 'testBySponsor')).toMatchObject({
      label: TEST_BREAKDOWN.label,
      definition: TEST_BREAKDOWN.definition,
      service: SUBGRAPH,
      school: false,
      breakdown: { rows: [{ field: 'count', label: '其中：{sponsor}学校的测试数', order: 1, unit: '项', format: 'count' }], placeholders: { sponsor: { PUBLIC: '公办', PRIVATE: '民办' } } },
    });
    // the services' own figures come the same way
    expect(body.figures.find((f) => f.field === 'teacherCount')).toMatchObject({ label: '在职教师数', service: 'personnel', group: '人事与编制' });
    expect(body.notes[1]).toBe((body.figures.find((f) => f.field === 'teacherCount') as { definition: string }).definition);
  });

  it('is written into the workbook: a row of 报表, its breakdown’s rows, a column of 学校对比 and its definition in 说明', async () => {
    const token = tokenFor(p.keys, { subject: 'district-admin', role: 'DISTRICT_ADMIN' });
    const res = await fetch(`${origin}/reports/district/${YEAR}.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);

    const report: Array<[unknown, unknown, unknown]> = [];
    wb.getWorksheet(SHEETS.report)!.eachRow((row, n) => {
      if (n > 3) report.push([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]);
    });
    const at = report.findIndex(([label]) => label === '校长负责制改革完成比例');
    expect(report.slice(at + 1)).toEqual([
      ['测试指标', YEAR - 2000, '项'],
      ['其中：公办学校的测试数', 7, '项'],
      ['其中：民办学校的测试数', 2, '项'],
    ]);

    const schools = wb.getWorksheet(SHEETS.schools)!;
    const header = (schools.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-4)).toEqual(['检查考核压减比例', '测试指标（项）', '校长负责制改革状态', '当年未报送']);
    expect(schools.getRow(2).getCell(2).value).toBe('指标测试学校');
    expect(schools.getRow(2).getCell(header.indexOf('测试指标（项）') + 1).value).toBe(YEAR - 2000);

    const notes: unknown[][] = [];
    wb.getWorksheet(SHEETS.notes)!.eachRow((row) => notes.push((row.values as unknown[]).slice(1)));
    expect(notes).toContainEqual([TEST_FIGURE.label, 'testFigure', '项', TEST_FIGURE.definition, TEST_FIGURE.schoolDefinition, SUBGRAPH]);
    expect(notes).toContainEqual([TEST_BREAKDOWN.label, 'testBySponsor', '项', TEST_BREAKDOWN.definition, '不列入学校对比', SUBGRAPH]);
  });
});
