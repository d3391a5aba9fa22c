import {
  APPRAISAL_RESULT,
  CodeTable,
  DESIGNATION_KIND,
  DESIGNATION_LEVEL,
  EDUCATION,
  EMPLOYMENT_FORM,
  ETHICS_RESULT,
  ETHNICITY,
  GENDER,
  HIRE_CHANNEL,
  HONOR_LEVEL,
  ID_TYPE,
  POLITICAL_STATUS,
  POST_CATEGORY,
  PROFESSIONAL_TITLE,
  REFORM_STATUS,
  SANCTION,
  SCHOOL_TYPE,
  SPONSOR,
  STAFF_STATUS,
  STUDIO_KIND,
  TALENT_CATEGORY,
  TALENT_RESULT,
  TRAINING_LEVEL,
  TRAINING_TOPIC,
} from '@tw/kernel/codes';

/** The national code tables, from the kernel: one home for every Chinese label of an enum. */
export const CODES = {
  APPRAISAL_RESULT,
  DESIGNATION_KIND,
  DESIGNATION_LEVEL,
  EDUCATION,
  EMPLOYMENT_FORM,
  ETHICS_RESULT,
  ETHNICITY,
  GENDER,
  HIRE_CHANNEL,
  HONOR_LEVEL,
  ID_TYPE,
  POLITICAL_STATUS,
  POST_CATEGORY,
  PROFESSIONAL_TITLE,
  REFORM_STATUS,
  SANCTION,
  SCHOOL_TYPE,
  SPONSOR,
  STAFF_STATUS,
  STUDIO_KIND,
  TALENT_CATEGORY,
  TALENT_RESULT,
  TRAINING_LEVEL,
  TRAINING_TOPIC,
} as const;

/** An enum value's Chinese label; the value itself when the table does not know it, a dash when there is none. */
export function label(table: CodeTable<string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return table.has(value) ? table.label(value) : value;
}

/** An import job's status, for people. */
export const IMPORT_STATUS: Readonly<Record<string, { text: string; color: string }>> = {
  QUEUED: { text: '排队中', color: 'default' },
  VALIDATING: { text: '校验中', color: 'processing' },
  WRITING: { text: '写入中', color: 'processing' },
  SUCCEEDED: { text: '成功', color: 'success' },
  PARTIALLY_SUCCEEDED: { text: '部分成功', color: 'warning' },
  FAILED: { text: '未导入', color: 'error' },
};

export const FINISHED_IMPORT = new Set(['SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED']);

/** "2026-03-01T08:00:00.000Z" → "2026-03-01 16:00" in China's time zone, whatever the browser's. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The current year in China's time zone (a report year), from the browser's clock. */
export function currentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}
