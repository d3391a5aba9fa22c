import { CodeTable, DESIGNATION_LEVEL, HIRE_CHANNEL, REFORM_STATUS, STUDIO_KIND, TALENT_CATEGORY, TRAINING_LEVEL } from '@tw/kernel';

/** A code's Chinese label (the value itself when the table does not know it). */
export function codeLabel(table: CodeTable<string>, value: unknown): string {
  const v = String(value);
  return table.has(v) ? table.label(v) : v;
}

/** How a figure is written in the workbook. */
export type FigureFormat = 'count' | 'yuan' | 'percent' | 'status';

/** The part of the bureau a figure belongs to, and the subgraph that computes it. */
export type FigureGroup = '人事与编制' | '教师发展' | '师德与党建双培养' | '待遇保障' | '教育治理';

/** A figure of the report: its field, its name and unit for the bureau, and what it counts. */
export interface Figure {
  readonly field: string;
  readonly label: string;
  readonly unit: string;
  readonly format: FigureFormat;
  readonly group: FigureGroup;
  readonly service: string;
  readonly definition: string;
  /** a column of the school comparison too (with `schoolDefinition` when it is counted differently there) */
  readonly school?: boolean;
  readonly schoolDefinition?: string;
}

/** A row a list-valued figure is written as. */
export interface BreakdownRow {
  readonly label: string;
  readonly value: unknown;
  /** when the row is not of the breakdown's unit and format (a share among counts) */
  readonly unit?: string;
  readonly format?: FigureFormat;
}

/** A list-valued figure, written as one row per item right after the figure it breaks down. */
export interface Breakdown {
  readonly field: string;
  /** its name in the 说明 sheet */
  readonly label: string;
  /** the GraphQL selection of an item */
  readonly selection: string;
  readonly group: FigureGroup;
  readonly service: string;
  readonly unit: string;
  readonly format: FigureFormat;
  readonly definition: string;
  /** the field whose row it follows */
  readonly after: string;
  rows(items: ReadonlyArray<Record<string, unknown>>): BreakdownRow[];
}

const P = 'personnel';
const D = 'professional-development';
const C = 'compensation';
const G = 'governance';

const TEACHER = '教师：名册中人员状态为“在本单位任职”或“暂未在本单位任职”的教职工（不含调出、退休、离职、死亡）。名册只有现状，故各年度报表的在职人数相同。';
const AS_RECORDED = '学校口径：按记录填报时所在学校统计。';

/** The report's figures, in the order of the 报表 sheet. */
export const FIGURES: readonly Figure[] = [
  { field: 'schoolCount', label: '学校数', unit: '所', format: 'count', group: '人事与编制', service: P, definition: '全区学校数（学校名录现状）。' },
  { field: 'publicSchoolCount', label: '其中：公办学校数', unit: '所', format: 'count', group: '人事与编制', service: P, definition: '举办者为公办的学校数。' },
  { field: 'teacherCount', label: '在职教师数', unit: '人', format: 'count', group: '人事与编制', service: P, definition: TEACHER, school: true },
  { field: 'publicTeacherCount', label: '其中：公办学校教师数', unit: '人', format: 'count', group: '人事与编制', service: P, definition: '公办学校的在职教师。', school: true },
  { field: 'partyMemberTeacherCount', label: '党员教师数', unit: '人', format: 'count', group: '人事与编制', service: P, definition: '政治面貌为中国共产党党员或中国共产党预备党员的在职教师。', school: true },
  { field: 'quotaApproved', label: '核定编制数', unit: '个', format: 'count', group: '人事与编制', service: P, definition: '当年各校核定编制数之和（学校对比中未核定的学校为空）。', school: true },
  { field: 'quotaFilled', label: '在编在岗教师数', unit: '人', format: 'count', group: '人事与编制', service: P, definition: '“是否在编”为是的在职教师（现状），即已使用的编制。', school: true },
  { field: 'inQuotaHires', label: '新入编人数', unit: '人', format: 'count', group: '人事与编制', service: P, definition: '入编日期在当年的招聘记录数。', school: true, schoolDefinition: '按教师现所在学校统计（招聘记录不带学校）。' },
  { field: 'recruitedTotal', label: '招聘教师数', unit: '人', format: 'count', group: '人事与编制', service: P, definition: '招聘年度为当年的招聘记录数（含其后已离开的教师）。', school: true, schoolDefinition: '按教师现所在学校统计。' },
  { field: 'rotations', label: '交流轮岗人次', unit: '人次', format: 'count', group: '人事与编制', service: P, definition: '开始年月在当年的交流轮岗记录数。', school: true, schoolDefinition: '按原单位（交流出校）统计；原单位不是本区学校的不计入任何学校。' },
  { field: 'trainingPersonTimes', label: '培训人次', unit: '人次', format: 'count', group: '教师发展', service: D, definition: '培训年度为当年的参训记录数：一名教师参加一个培训项目计 1 人次（继续教育人次）。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'trainingHours', label: '培训学时', unit: '学时', format: 'count', group: '教师发展', service: D, definition: '上述参训记录的培训获得学时之和。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'ethicsTrainingPersonTimes', label: '师德与思想政治培训人次', unit: '人次', format: 'count', group: '教师发展', service: D, definition: '培训主题为“师德”或“思想政治”的培训项目的当年参训人次。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'ethicsTrainingSessions', label: '师德与思想政治培训期数', unit: '期', format: 'count', group: '教师发展', service: D, definition: '当年有人参训的、主题为“师德”或“思想政治”的不同培训项目数。', school: true, schoolDefinition: '本校教师当年参加的此类不同项目数。' },
  { field: 'newDesignations', label: '新认定名师骨干', unit: '人次', format: 'count', group: '教师发展', service: D, definition: '认定年度在“起始年度”至当年之间的称号认定记录数（名师、骨干教师、学科带头人、名班主任、特级教师、中原英才等）。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'designatedTeacherCount', label: '名师骨干教师数（公办）', unit: '人', format: 'count', group: '教师发展', service: D, definition: '持有当年有效称号（认定年度不晚于当年，且有效期至不早于当年 1 月 1 日）的公办学校在职教师，按人去重；在职与学校口径由人事服务判定。', school: true, schoolDefinition: '按教师现所在学校统计。' },
  { field: 'designatedShareOfPublicTeachers', label: '名师骨干占公办教师比例', unit: '%', format: 'percent', group: '教师发展', service: D, definition: '名师骨干教师数（公办）÷ 公办学校教师数。', school: true, schoolDefinition: '民办学校不适用（空）。' },
  { field: 'studioCount', label: '名师（名班主任）工作室', unit: '个', format: 'count', group: '教师发展', service: D, definition: '成立年度不晚于当年的工作室（工作室不登记撤销）。', school: true, schoolDefinition: '按主持人登记时所在学校统计。' },
  { field: 'demonstrationLessons', label: '示范课', unit: '课次', format: 'count', group: '教师发展', service: D, definition: '日期在当年的示范课、观摩课、公开课，每节计 1 课次。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'backboneTeacherCount', label: '骨干教师数（含民办）', unit: '人', format: 'count', group: '师德与党建双培养', service: D, definition: '骨干：持有当年有效称号的在职教师（公办、民办），按人去重。', school: true, schoolDefinition: '按教师现所在学校统计。' },
  { field: 'backbonePartyMembers', label: '骨干教师中的党员', unit: '人', format: 'count', group: '师德与党建双培养', service: D, definition: '骨干教师中的党员（含预备党员）。', school: true },
  { field: 'backboneNotPartyMember', label: '骨干教师中的非党员（把骨干培养成党员）', unit: '人', format: 'count', group: '师德与党建双培养', service: D, definition: '骨干教师数 − 骨干教师中的党员。', school: true },
  { field: 'partyMemberNotBackbone', label: '党员教师中的非骨干（把党员培养成骨干）', unit: '人', format: 'count', group: '师德与党建双培养', service: D, definition: '党员教师数 − 骨干教师中的党员。', school: true },
  { field: 'ethicsVetoedTeachers', label: '师德一票否决人数', unit: '人', format: 'count', group: '师德与党建双培养', service: G, definition: '当年师德考核“不合格”，或受处分且处分影响期与当年有交集的教师（含其后已离开的），按人去重。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'averageTeacherPay', label: '教师年平均工资收入', unit: '元', format: 'yuan', group: '待遇保障', service: C, definition: '公办学校在职教师（按工资记录填报时状态）当年年工资收入的平均数，四舍五入到分；不足 5 人的数字对无权查看其中每位教师的读者隐去。', school: true, schoolDefinition: '本校在职教师的平均数（民办学校也列出，但不比较公务员工资）。' },
  { field: 'civilServantAveragePay', label: '当地公务员年平均工资', unit: '元', format: 'yuan', group: '待遇保障', service: C, definition: '区录入的当年公务员年平均工资。' },
  { field: 'payParityRatio', label: '教师平均工资与公务员之比', unit: '%', format: 'percent', group: '待遇保障', service: C, definition: '教师年平均工资收入 ÷ 当地公务员年平均工资（政策要求不低于 100%）。', school: true, schoolDefinition: '仅公办学校。' },
  { field: 'payTeachers', label: '计入平均工资的教师数', unit: '人', format: 'count', group: '待遇保障', service: C, definition: '上述平均数所依据的教师人数（即使平均数隐去也列出）。' },
  { field: 'talentPassed', label: '优秀教育人才考核合格', unit: '人', format: 'count', group: '待遇保障', service: C, definition: '当年考核结果为“合格”的优秀教育人才（A/B/C 类）。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'talentSubsidyTotal', label: '人才补贴发放总额', unit: '元', format: 'yuan', group: '待遇保障', service: C, definition: '考核合格者当年补贴金额之和。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'principalsCertified', label: '校长职级认定人数', unit: '人', format: 'count', group: '教育治理', service: G, definition: '认定年度为当年的校长职级认定记录。', school: true, schoolDefinition: '按所任职学校统计。' },
  { field: 'teachersCommended', label: '受表彰教师数', unit: '人', format: 'count', group: '教育治理', service: G, definition: '荣誉发生日期在当年的教师，按人去重（一人多项计 1 人）。', school: true, schoolDefinition: AS_RECORDED },
  { field: 'inspections', label: '检查考核评比次数', unit: '次', format: 'count', group: '教育治理', service: G, definition: '当年实际开展的检查考核评比（均为当年目录清单内事项）。', school: true, schoolDefinition: '在本校开展的（全区性的不计入学校）。' },
  { field: 'inspectionsPreviousYear', label: '上年检查考核评比次数', unit: '次', format: 'count', group: '教育治理', service: G, definition: '上一年实际开展的检查考核评比。', school: true },
  { field: 'inspectionReduction', label: '检查考核压减比例', unit: '%', format: 'percent', group: '教育治理', service: G, definition: '1 − 当年次数 ÷ 上年次数（负数为增加；上年为 0 时为空）。', school: true },
  { field: 'catalogueItems', label: '目录清单事项数', unit: '项', format: 'count', group: '教育治理', service: G, definition: '当年检查考核评比目录清单中经批准的事项数。' },
  { field: 'catalogueItemsPreviousYear', label: '上年目录清单事项数', unit: '项', format: 'count', group: '教育治理', service: G, definition: '上一年目录清单中的事项数。' },
  { field: 'reformStatus', label: '校长负责制改革状态', unit: '', format: 'status', group: '教育治理', service: G, definition: '党组织领导的校长负责制：截至年末（当年为今日）未启动、试点或已完成。', school: true },
];

const listed = (table: CodeTable<string>, key: string, value: string) => (items: ReadonlyArray<Record<string, unknown>>) =>
  items.map((i) => ({ label: `其中：${codeLabel(table, i[key])}`, value: i[value] }));

/** The list-valued figures of the district report. */
export const BREAKDOWNS: readonly Breakdown[] = [
  {
    field: 'recruitedByChannel', label: '招聘教师数（按招聘方式）', selection: '{ channel count }', group: '人事与编制', service: P, unit: '人', format: 'count', after: 'recruitedTotal',
    definition: '招聘年度为当年的招聘记录，按招聘方式。',
    rows: listed(HIRE_CHANNEL, 'channel', 'count'),
  },
  {
    field: 'personTimesByLevel', label: '培训人次（按培训类别）', selection: '{ level personTimes hours }', group: '教师发展', service: D, unit: '人次', format: 'count', after: 'trainingPersonTimes',
    definition: '当年培训人次，按培训类别（国培、省培、市培、区县培、校本）。',
    rows: listed(TRAINING_LEVEL, 'level', 'personTimes'),
  },
  {
    field: 'studiosByKindAndLevel', label: '工作室（按类型和级别）', selection: '{ kind level count }', group: '教师发展', service: D, unit: '个', format: 'count', after: 'studioCount',
    definition: '成立年度不晚于当年的工作室，按类型和级别。',
    rows: (items) => items.map((i) => ({ label: `其中：${codeLabel(STUDIO_KIND, i.kind)}（${codeLabel(DESIGNATION_LEVEL, i.level)}）`, value: i.count })),
  },
  {
    field: 'talentPassedByCategory', label: '优秀教育人才考核合格（按类别）', selection: '{ category passed withheld }', group: '待遇保障', service: C, unit: '人', format: 'count', after: 'talentPassed',
    definition: '当年考核合格的优秀教育人才，按类别；不足 5 人的类别对非区级管理员隐去。',
    rows: listed(TALENT_CATEGORY, 'category', 'passed'),
  },
  {
    field: 'governanceReform', label: '党组织领导的校长负责制', selection: '{ total notStarted pilot completed completedShare }', group: '教育治理', service: G, unit: '所', format: 'count', after: 'catalogueItemsPreviousYear',
    definition: '党组织领导的校长负责制：截至年末（当年为今日）各状态的学校数，以学校总数（人事服务的学校数）为分母；没有记录的学校计为未启动。',
    rows: (items) => {
      const r = items[0] ?? {};
      return [
        { label: '党组织领导的校长负责制：学校数', value: r.total },
        { label: `其中：${REFORM_STATUS.label('NOT_STARTED')}`, value: r.notStarted },
        { label: `其中：${REFORM_STATUS.label('PILOT')}`, value: r.pilot },
        { label: `其中：${REFORM_STATUS.label('COMPLETED')}`, value: r.completed },
        { label: '校长负责制改革完成比例', value: r.completedShare, unit: '%', format: 'percent' },
      ];
    },
  },
];

/** The figures that are fields of DistrictReport (reformStatus is a school's). */
export const DISTRICT_FIGURES = FIGURES.filter((f) => f.field !== 'reformStatus');
/** The columns of the school comparison, in order. */
export const SCHOOL_FIGURES = FIGURES.filter((f) => f.school);

/** What the 说明 sheet says before the figures: the definitions every figure shares. */
export const GENERAL_NOTES: readonly string[] = [
  '每个数字都由负责该业务的服务从当年的记录中用 SQL 汇总得出，不是录入的数字。',
  TEACHER,
  '公办：举办者为公办的学校。党员：政治面貌为中国共产党党员或中国共产党预备党员。骨干：持有当年有效称号（名师、骨干教师、学科带头人、名班主任、特级教师、中原英才等）。',
  '学校对比：在职、公办、党员、骨干等名册口径按教师现所在学校统计；各项记录按填报时所在学校统计（另有说明的除外）。',
  '小样本规则：工资与人才补贴类数字所依据的教师不足 5 人时，对无权查看其中每位教师的读者隐去（显示为“—”），并连带隐去可据合计推算出的其他学校。',
  '空白或“—”：该项不适用（如民办学校的比例、上年为 0 的压减比例）或已按小样本规则隐去。',
];
