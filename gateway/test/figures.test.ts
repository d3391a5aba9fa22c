import { FEDERATION_LINK, FIGURE_DIRECTIVES_SDL } from '@tw/kernel';
import { composeSupergraph } from '../src/supergraph';
import { breakdownRows, readFigures } from '../src/reports/figures';
import { reportQueries } from '../src/reports/report-data';
import { reportRows } from '../src/reports/workbook';

// Two small subgraphs that extend the report the way the services do, written as SDL: what the gateway
// reads is the supergraph, whoever printed the subgraphs.

const subgraph = (name: string, body: string) => ({ name, url: `http://${name}.test/graphql`, sdl: `${FEDERATION_LINK}\n\n${FIGURE_DIRECTIVES_SDL}\n\n${body}` });

const OWNER = subgraph(
  'owner',
  `type Query { districtReport(year: Int!): DistrictReport }
   type DistrictReport @key(fields: "year") { year: Int! withheld: Boolean!
     teachers: Int! @figure(label: "教师", unit: "人", format: "count", group: "人事与编制", order: 20, definition: "教师的定义。", generalNote: true)
     schools: Int! @figure(label: "学校", unit: "所", format: "count", group: "人事与编制", order: 10, definition: "学校的定义。")
     pay: Float @figure(label: "工资", unit: "元", format: "yuan", group: "待遇保障", order: 10, definition: "工资的定义。", withheldBy: "withheld")
     byChannel: [ChannelCount!]! @figure(label: "按方式", unit: "人", format: "count", group: "人事与编制", order: 21, definition: "按方式的定义。")
   }
   type SchoolReport @key(fields: "schoolId year") { schoolId: ID! year: Int!
     teachers: Int! @figure(label: "教师", unit: "人", format: "count", group: "人事与编制", order: 20, definition: "教师的定义。", generalNote: true)
     notCounted: Int!
   }
   enum HireChannel { CAMPUS """公开招聘（描述）""" OPEN ELSEWHERE }
   type ChannelCount { channel: HireChannel! count: Int! @figureRow(label: "其中：{channel}", order: 1) ignored: Int! }`,
);

const OTHER = (body: string) =>
  subgraph(
    'other',
    `type DistrictReport @key(fields: "year") { year: Int! ${body} }
     type SchoolReport @key(fields: "schoolId year") { schoolId: ID! year: Int! status: Status! @figure(label: "状态", unit: "", format: "status", group: "教育治理", order: 5, definition: "状态的定义。") }
     enum Status { DONE NOT_YET }
     type Reform { total: Int! @figureRow(label: "学校数", order: 1) share: Float @figureRow(label: "比例", order: 2, unit: "%", format: "percent") }`,
  );

const read = (body: string) => readFigures(composeSupergraph([OWNER, OTHER(body)]).supergraphSdl);
const REFORM = 'reform: Reform! @figure(label: "改革", unit: "所", format: "count", group: "教育治理", order: 1, definition: "改革的定义。")';

describe('the figures the gateway reads from the supergraph', () => {
  it('orders them by group, then by order, whichever subgraph declares them; each with the subgraph that computes it', () => {
    const f = read(REFORM);
    expect(f.district.map((x) => [x.field, x.group, x.service])).toEqual([
      ['schools', '人事与编制', 'owner'],
      ['teachers', '人事与编制', 'owner'],
      ['byChannel', '人事与编制', 'owner'],
      ['pay', '待遇保障', 'owner'],
      ['reform', '教育治理', 'other'],
    ]);
    expect(f.school.map((x) => [x.field, x.district, x.school])).toEqual([
      ['teachers', true, true],
      ['status', false, true],
    ]);
    // each figure once in the 说明 table: the district's, then the comparison's own
    expect(f.all.map((x) => x.field)).toEqual(['schools', 'teachers', 'byChannel', 'pay', 'reform', 'status']);
    expect(f.notes).toContain('教师的定义。');
    expect(f.notes).not.toContain('学校的定义。');
  });

  it('writes a list as a row per item and an object as a row per @figureRow field, labels from the enum, withheld values said so', () => {
    const f = read(REFORM);
    const byChannel = f.district.find((x) => x.field === 'byChannel')!;
    expect(byChannel.breakdown!.selection).toBe('{ channel count }');
    expect(breakdownRows(byChannel.breakdown!, [{ channel: 'CAMPUS', count: 2 }, { channel: 'ELSEWHERE', count: 1 }]).map((r) => [r.label, r.value])).toEqual([
      // the kernel's code table of the enum names CAMPUS; a value it does not know, by its description, else as it is
      ['其中：校园招聘', 2],
      ['其中：ELSEWHERE', 1],
    ]);
    const rows = reportRows(f, { withheld: true, schools: 3, teachers: 9, byChannel: [{ channel: 'OPEN', count: 4 }], pay: null, reform: { total: 3, share: 0.5 } });
    expect(rows.map((r) => [r.label, r.value, r.unit, r.format])).toEqual([
      ['学校', 3, '所', 'count'],
      ['教师', 9, '人', 'count'],
      ['其中：公开招聘（描述）', 4, '人', 'count'],
      ['工资', '—', '元', 'yuan'],
      ['学校数', 3, '所', 'count'],
      ['比例', 0.5, '%', 'percent'],
    ]);
    expect(rows.find((r) => r.label === '工资')!.definition).toBe('工资的定义。（本报表中已按小样本规则隐去）');
    const queries = reportQueries(f);
    expect(queries.report).toContain('year sinceYear withheld schools teachers byChannel { channel count } pay reform { total share }');
    expect(queries.comparison).toContain('school { code name sponsor } teachers status }');
  });

  it('refuses declarations that cannot make a report, naming the figure and what to do', () => {
    expect(() => read('reform2: Int! @figure(label: "重复", unit: "个", format: "count", group: "待遇保障", order: 10, definition: "重复的定义。")')).toThrow(
      'DistrictReport.pay (owner) and DistrictReport.reform2 (other) both take order 10 in 待遇保障: give one another place',
    );
    expect(() => read('x: Int! @figure(label: "X", unit: "个", format: "count", group: "财务", order: 1, definition: "X。")')).toThrow(
      'DistrictReport.x: group must be one of 人事与编制, 教师发展, 师德与党建双培养, 待遇保障, 教育治理; got "财务"',
    );
    expect(() => read('x: Int! @figure(label: "X", unit: "个", format: "money", group: "教育治理", order: 1, definition: "X。")')).toThrow(
      'DistrictReport.x: format must be one of count, yuan, percent, status; got "money"',
    );
    expect(() => read('x: Int @figure(label: "X", unit: "个", format: "count", group: "教育治理", order: 1, definition: "X。", withheldBy: "nothing")')).toThrow(
      'DistrictReport.x: withheldBy names "nothing", which is not a Boolean field of DistrictReport',
    );
    expect(() => read('x: [Int!]! @figure(label: "X", unit: "个", format: "count", group: "教育治理", order: 1, definition: "X。")')).toThrow(
      'DistrictReport.x: a list-valued figure must list objects with @figureRow fields',
    );
    expect(() => read('x: Other! @figure(label: "X", unit: "个", format: "count", group: "教育治理", order: 1, definition: "X。") } type Other { a: Int!')).toThrow(
      'DistrictReport.x is list- or object-valued, but its type Other has no @figureRow field to write as a row',
    );
    expect(() => read('x: Other! @figure(label: "X", unit: "个", format: "count", group: "教育治理", order: 1, definition: "X。") } type Other { a: Int! @figureRow(label: "{b}", order: 1)')).toThrow(
      'Other.a: the label "{b}" names {b}, which is not a field of Other',
    );
  });

  it('refuses one figure declared two ways on the two reports, and a list as a column of the comparison', () => {
    const mismatch = subgraph(
      'other',
      `type SchoolReport @key(fields: "schoolId year") { schoolId: ID! year: Int!
         schools: Int! @figure(label: "学校", unit: "所", format: "count", group: "人事与编制", order: 10, definition: "另一个定义。") }`,
    );
    expect(() => readFigures(composeSupergraph([OWNER, mismatch]).supergraphSdl)).toThrow(
      'DistrictReport.schools and SchoolReport.schools declare different definition: one figure has one @figure (put the same constant on both)',
    );
    const listed = subgraph(
      'other',
      `type SchoolReport @key(fields: "schoolId year") { schoolId: ID! year: Int!
         byKind: [Kind!]! @figure(label: "按类", unit: "个", format: "count", group: "教育治理", order: 1, definition: "按类。") }
       type Kind { kind: String! n: Int! @figureRow(label: "{kind}", order: 1) }`,
    );
    expect(() => readFigures(composeSupergraph([OWNER, listed]).supergraphSdl)).toThrow(
      'SchoolReport.byKind: the school comparison has one column per figure; a list- or object-valued figure cannot be one',
    );
  });

  it('refuses a supergraph composed before figures were declared in it', () => {
    const old = composeSupergraph([{ name: 'old', url: 'http://old.test/graphql', sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { a: Int }` }]);
    expect(() => readFigures(old.supergraphSdl)).toThrow('it declares no @figure: compose it again ("npm run compose")');
  });
});
