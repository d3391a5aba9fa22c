import { FigureDefinition, SCHOOL_AS_RECORDED } from '@tw/kernel';

// Professional development's figures of the yearly report, as the bureau reads them (the workbook's 报表
// and 说明 sheets, GET /reports/figures): each is put on its DistrictReport and SchoolReport fields with @Figure.

const G = '教师发展';
const DUAL = '师德与党建双培养';
const AT_SCHOOL_NOW = '按教师现所在学校统计。';

export const TRAINING_PERSON_TIMES: FigureDefinition = {
  label: '培训人次', unit: '人次', format: 'count', group: G, order: 10,
  definition: '培训年度为当年的参训记录数：一名教师参加一个培训项目计 1 人次（继续教育人次）。', schoolDefinition: SCHOOL_AS_RECORDED, kinds: ['trainings'],
};
export const PERSON_TIMES_BY_LEVEL: FigureDefinition = {
  label: '培训人次（按培训类别）', unit: '人次', format: 'count', group: G, order: 11,
  definition: '当年培训人次，按培训类别（国家级、省级、地市级、县级、校级、其他，每类一行）。', kinds: ['trainings'],
};
export const TRAINING_HOURS: FigureDefinition = {
  label: '培训学时', unit: '学时', format: 'count', group: G, order: 20,
  definition: '上述参训记录的培训获得学时之和。', schoolDefinition: SCHOOL_AS_RECORDED, kinds: ['trainings'],
};
export const ETHICS_TRAINING_PERSON_TIMES: FigureDefinition = {
  label: '师德与思想政治培训人次', unit: '人次', format: 'count', group: G, order: 30,
  definition: '培训主题为“师德”或“思想政治”的培训项目的当年参训人次。', schoolDefinition: SCHOOL_AS_RECORDED, kinds: ['trainings'],
};
export const ETHICS_TRAINING_SESSIONS: FigureDefinition = {
  label: '师德与思想政治培训期数', unit: '期', format: 'count', group: G, order: 40,
  definition: '当年有人参训的、主题为“师德”或“思想政治”的不同培训项目数。', schoolDefinition: '本校教师当年参加的此类不同项目数。', kinds: ['trainings'],
};
export const NEW_DESIGNATIONS: FigureDefinition = {
  label: '新认定名师骨干', unit: '人次', format: 'count', group: G, order: 50,
  definition: '认定年度在“起始年度”至当年之间的称号认定记录数（名师、骨干教师、学科带头人、名班主任、特级教师、中原英才等）。', schoolDefinition: SCHOOL_AS_RECORDED,
};
export const DESIGNATED_TEACHER_COUNT: FigureDefinition = {
  label: '名师骨干教师数（公办）', unit: '人', format: 'count', group: G, order: 60,
  definition: '持有当年有效称号（认定年度不晚于当年，且有效期至不早于当年 1 月 1 日）的公办学校在职教师，按人去重；在职与学校口径由人事服务判定。',
  schoolDefinition: AT_SCHOOL_NOW,
};
export const DESIGNATED_SHARE_OF_PUBLIC_TEACHERS: FigureDefinition = {
  label: '名师骨干占公办教师比例', unit: '%', format: 'percent', group: G, order: 70,
  definition: '名师骨干教师数（公办）÷ 公办学校教师数。', schoolDefinition: '民办学校不适用（空）。', kinds: ['teachers'],
};
export const STUDIO_COUNT: FigureDefinition = {
  label: '名师（名班主任）工作室', unit: '个', format: 'count', group: G, order: 80,
  definition: '成立年度不晚于当年的工作室（工作室不登记撤销）。', schoolDefinition: '按主持人登记时所在学校统计。',
};
export const STUDIOS_BY_KIND_AND_LEVEL: FigureDefinition = {
  label: '工作室（按类型和级别）', unit: '个', format: 'count', group: G, order: 81,
  definition: '成立年度不晚于当年的工作室，按类型和级别。',
};
export const DEMONSTRATION_LESSONS: FigureDefinition = {
  label: '示范课', unit: '课次', format: 'count', group: G, order: 90,
  definition: '日期在当年的示范课、观摩课、公开课，每节计 1 课次。', schoolDefinition: SCHOOL_AS_RECORDED,
};

export const BACKBONE_TEACHER_COUNT: FigureDefinition = {
  label: '骨干教师数（含民办）', unit: '人', format: 'count', group: DUAL, order: 10,
  definition: '骨干：持有当年有效称号的在职教师（公办、民办），按人去重。', schoolDefinition: AT_SCHOOL_NOW,
};
export const BACKBONE_PARTY_MEMBERS: FigureDefinition = { label: '骨干教师中的党员', unit: '人', format: 'count', group: DUAL, order: 20, definition: '骨干教师中的党员（含预备党员）。', kinds: ['teachers'] };
export const BACKBONE_NOT_PARTY_MEMBER: FigureDefinition = {
  label: '骨干教师中的非党员（把骨干培养成党员）', unit: '人', format: 'count', group: DUAL, order: 30,
  definition: '骨干教师数 − 骨干教师中的党员。', kinds: ['teachers'],
};
export const PARTY_MEMBER_NOT_BACKBONE: FigureDefinition = {
  label: '党员教师中的非骨干（把党员培养成骨干）', unit: '人', format: 'count', group: DUAL, order: 40,
  definition: '党员教师数 − 骨干教师中的党员。', kinds: ['teachers'],
};
