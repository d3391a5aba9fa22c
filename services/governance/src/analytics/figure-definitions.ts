import { FigureDefinition, SCHOOL_AS_RECORDED } from '@tw/kernel';

// Governance's figures of the yearly report, as the bureau reads them (the workbook's 报表 and 说明 sheets,
// GET /reports/figures): each is put on its DistrictReport and SchoolReport fields with @Figure.

const G = '教育治理';

export const ETHICS_VETOED_TEACHERS: FigureDefinition = {
  label: '师德一票否决人数', unit: '人', format: 'count', group: '师德与党建双培养', order: 50,
  definition: '当年师德考核“不合格”，或受处分且处分影响期与当年有交集的教师（含其后已离开的），按人去重。', schoolDefinition: SCHOOL_AS_RECORDED, kinds: ['ethics'],
};

export const PRINCIPALS_CERTIFIED: FigureDefinition = {
  label: '校长职级认定人数', unit: '人', format: 'count', group: G, order: 10,
  definition: '认定年度为当年的校长职级认定记录。', schoolDefinition: '按所任职学校统计。',
};
export const TEACHERS_COMMENDED: FigureDefinition = {
  label: '受表彰教师数', unit: '人', format: 'count', group: G, order: 20,
  definition: '荣誉发生日期在当年的教师，按人去重（一人多项计 1 人）。', schoolDefinition: SCHOOL_AS_RECORDED,
};
export const INSPECTIONS: FigureDefinition = {
  label: '检查考核评比次数', unit: '次', format: 'count', group: G, order: 30,
  definition: '当年实际开展的检查考核评比（均为当年目录清单内事项）。', schoolDefinition: '在本校开展的（全区性的不计入学校）。',
};
export const INSPECTIONS_PREVIOUS_YEAR: FigureDefinition = { label: '上年检查考核评比次数', unit: '次', format: 'count', group: G, order: 40, definition: '上一年实际开展的检查考核评比。' };
export const INSPECTION_REDUCTION: FigureDefinition = {
  label: '检查考核压减比例', unit: '%', format: 'percent', group: G, order: 50,
  definition: '1 − 当年次数 ÷ 上年次数（负数为增加；上年为 0 时为空）。',
};
export const CATALOGUE_ITEMS: FigureDefinition = { label: '目录清单事项数', unit: '项', format: 'count', group: G, order: 60, definition: '当年检查考核评比目录清单中经批准的事项数。' };
export const CATALOGUE_ITEMS_PREVIOUS_YEAR: FigureDefinition = { label: '上年目录清单事项数', unit: '项', format: 'count', group: G, order: 70, definition: '上一年目录清单中的事项数。' };
export const GOVERNANCE_REFORM: FigureDefinition = {
  label: '党组织领导的校长负责制', unit: '所', format: 'count', group: G, order: 71,
  definition: '党组织领导的校长负责制：截至年末（当年为今日）各状态的学校数，以学校总数（人事服务的学校数）为分母；没有记录的学校计为未启动。',
};
export const REFORM_STATUS_FIGURE: FigureDefinition = {
  label: '校长负责制改革状态', unit: '', format: 'status', group: G, order: 80,
  definition: '党组织领导的校长负责制：截至年末（当年为今日）未启动、试点或已完成。',
};
