// A teacher's timeline as people read it: the services by the bureau's names, the kinds of change,
// and one line per changed field.

export const SERVICE_TEXT: Readonly<Record<string, string>> = {
  personnel: '人事',
  'professional-development': '教师发展',
  compensation: '待遇保障',
  governance: '教育治理',
};

export const SERVICE_COLOR: Readonly<Record<string, string>> = {
  personnel: 'blue',
  'professional-development': 'green',
  compensation: 'gold',
  governance: 'purple',
};

export const OP_TEXT: Readonly<Record<string, string>> = { create: '新增', update: '变更', delete: '删除' };

/** One changed field: 字段：前 → 后 (an empty side reads as —). */
export function changeText(c: { readonly field: string; readonly before?: string | null; readonly after?: string | null }): string {
  const side = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  if (c.before === null || c.before === undefined) return `${c.field}：${side(c.after)}`;
  return `${c.field}：${side(c.before)} → ${side(c.after)}`;
}

/** The kinds of record, as the bureau names them (the version tables' entity names). */
export const ENTITY_TEXT: Readonly<Record<string, string>> = {
  teacher: '基本信息',
  rotation: '交流轮岗',
  hire: '招聘',
  staffing_quota: '编制',
  training_participation: '培训',
  designation: '称号',
  studio: '工作室',
  lesson: '示范课',
  mentoring_pair: '师徒结对',
  pay_record: '工资',
  talent_record: '优秀人才',
  performance_pay: '绩效工资',
  ethics_assessment: '师德考核',
  violation: '违规处分',
  appraisal: '年度考核',
  award: '荣誉',
  principal_rank: '校长职级',
};

/** Fields a change carries for the services' own joins, not for people: left out of the timeline's lines. */
const INTERNAL_FIELDS = new Set(['teacher_id', 'teacher_serving', 'school_public', 'status_code', 'programme_id']);

/** The changes a person reads: without the services' join fields. */
export function visibleChanges<C extends { readonly field: string }>(changes: readonly C[]): C[] {
  return changes.filter((c) => !INTERNAL_FIELDS.has(c.field));
}
