import type { CodeTable } from '@tw/kernel/codes';
import { CODES } from './labels';
import { type PathState, pathReducer } from './cursor-pages';

// Submissions (报送) and review (审核) as people read them: the four services' lists merged into one,
// oldest first, a page at a time through each service's own cursor; the counts per school and kind;
// the labels of statuses and row operations; and the check of a return reason.

/** The aliases of console/src/api/review.graphql, one per service that keeps held kinds. */
export const SERVICE_KEYS = ['personnel', 'development', 'compensation', 'governance'] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

/** A Submission's `service` (the service's name) → the alias its documents use. */
export const SERVICE_KEY_OF: Readonly<Record<string, ServiceKey>> = {
  personnel: 'personnel',
  'professional-development': 'development',
  compensation: 'compensation',
  governance: 'governance',
};

/** Which services a request asks (the documents' @include variables). */
export type ServiceFlags = Record<ServiceKey, boolean>;

/**
 * The flags that ask only `services` (by service name); every service when none is given.
 * @example serviceFlags(['governance']) // { personnel: false, development: false, compensation: false, governance: true }
 */
export function serviceFlags(services?: readonly string[]): ServiceFlags {
  const keys = services ? new Set(services.map((s) => SERVICE_KEY_OF[s]).filter(Boolean)) : new Set<ServiceKey>(SERVICE_KEYS);
  return { personnel: keys.has('personnel'), development: keys.has('development'), compensation: keys.has('compensation'), governance: keys.has('governance') };
}

/** The flags for one submission's service; an error naming it when the console does not know it. */
export function flagsFor(service: string): ServiceFlags {
  if (!SERVICE_KEY_OF[service]) throw new Error(`未知的服务：${service}`);
  return serviceFlags([service]);
}

export const SUBMISSION_STATUS: Readonly<Record<string, { text: string; color: string }>> = {
  PENDING: { text: '待审核', color: 'processing' },
  APPROVED: { text: '已通过', color: 'success' },
  RETURNED: { text: '已退回', color: 'error' },
  WITHDRAWN: { text: '已撤回', color: 'default' },
};

export const ROW_STATUS: Readonly<Record<string, { text: string; color: string }>> = {
  PENDING: { text: '待审核', color: 'processing' },
  APPROVED: { text: '已通过', color: 'success' },
  CONFLICT: { text: '冲突', color: 'warning' },
  REFUSED: { text: '未通过校验', color: 'error' },
  RETURNED: { text: '已退回', color: 'error' },
  WITHDRAWN: { text: '已撤回', color: 'default' },
};

export const ROW_OP: Readonly<Record<string, string>> = { CREATE: '新增', UPDATE: '修改', TRANSFER: '调入（他校记录）' };

/** What a history step did, for people. */
export const EVENT_TEXT: Readonly<Record<string, string>> = {
  SUBMITTED: '报送',
  APPENDED: '追加',
  WITHDRAWN: '撤回',
  RETURNED: '退回',
  APPROVED: '审核通过',
  REPLACED: '被更正的报送替代',
};

/** A row the bureau can still decide on: approve (PENDING) or return (PENDING, CONFLICT, REFUSED). */
export function isOpenRow(status: string): boolean {
  return status === 'PENDING' || status === 'CONFLICT' || status === 'REFUSED';
}

// ---------------------------------------------------------------------------------------------
// One list from four: each service answers its page, oldest first; the merged page is the oldest
// `first` of them, and each service's next page starts after the last of its rows shown.

export interface EdgeLike<T> {
  readonly cursor: string;
  readonly node: T;
}
export interface ServicePage<T> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly EdgeLike<T>[];
}
/** Where each service's list is: the cursor its rows start after (null: from its first). */
export type ServiceAfters = Record<ServiceKey, string | null>;
export const FROM_START: ServiceAfters = { personnel: null, development: null, compensation: null, governance: null };

export interface MergedPage<T> {
  readonly nodes: T[];
  /** all four lists together */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** where the next merged page starts in each service */
  readonly next: ServiceAfters;
}

/**
 * The oldest `first` submissions of the services' pages (each of `first` rows, oldest first, asked
 * after `afters`): since every service's page holds its own oldest `first`, the merged page's rows
 * are among them. A service none of whose rows is shown keeps its cursor.
 */
export function mergeServicePages<T extends { readonly submittedAt: string }>(
  pages: Partial<Record<ServiceKey, ServicePage<T> | null>>,
  afters: ServiceAfters,
  first: number,
): MergedPage<T> {
  const all: Array<{ key: ServiceKey; edge: EdgeLike<T>; at: number }> = [];
  for (const key of SERVICE_KEYS) for (const edge of pages[key]?.edges ?? []) all.push({ key, edge, at: Date.parse(edge.node.submittedAt) });
  // stable: within a service its own order stays, so what is shown of it is always a prefix of its page
  all.sort((a, b) => a.at - b.at);
  const shown = all.slice(0, first);
  const next: ServiceAfters = { ...afters };
  for (const s of shown) next[s.key] = s.edge.cursor;
  const leftOver = all.length > shown.length;
  const more = SERVICE_KEYS.some((k) => pages[k]?.pageInfo.hasNextPage);
  return {
    nodes: shown.map((s) => s.edge.node),
    totalCount: SERVICE_KEYS.reduce((n, k) => n + (pages[k]?.totalCount ?? 0), 0),
    hasNextPage: leftOver || more,
    next,
  };
}

/** The merged list's pages visited: the service cursors each starts after, so the way back is known. */
export const MERGED_FIRST_PAGE: PathState<ServiceAfters> = { afters: [FROM_START] };
export const mergedCursorReducer = pathReducer<ServiceAfters>;

// ---------------------------------------------------------------------------------------------
// Counts for the bureau: per school and per kind, over the four services.

export interface PendingCount {
  readonly schoolId: string;
  readonly kind: string;
  readonly kindTitle: string;
  readonly submissions: number;
  readonly rows: number;
  readonly oldestAgeDays: number;
}

export interface CountLine {
  readonly key: string;
  readonly title: string;
  readonly submissions: number;
  readonly rows: number;
  readonly oldestAgeDays: number;
}

/** The services' counts summed per school (title from `schoolName`) or per kind, most submissions first. */
export function pendingTotals(counts: readonly PendingCount[], by: 'school' | 'kind', schoolName: (id: string) => string = (id) => id): CountLine[] {
  const lines = new Map<string, { key: string; title: string; submissions: number; rows: number; oldestAgeDays: number }>();
  for (const c of counts) {
    const key = by === 'school' ? c.schoolId : c.kind;
    const line = lines.get(key) ?? { key, title: by === 'school' ? schoolName(c.schoolId) : c.kindTitle, submissions: 0, rows: 0, oldestAgeDays: 0 };
    line.submissions += c.submissions;
    line.rows += c.rows;
    line.oldestAgeDays = Math.max(line.oldestAgeDays, c.oldestAgeDays);
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => b.submissions - a.submissions || b.oldestAgeDays - a.oldestAgeDays || a.title.localeCompare(b.title, 'zh-CN'));
}

// ---------------------------------------------------------------------------------------------

const CHINESE = /[\u3400-\u9fff]/;
export const RETURN_REASON_MAX = 500;

/** Why a return reason cannot be sent (Chinese), or undefined when it can. */
export function returnReasonProblem(reason: string | undefined): string | undefined {
  const text = (reason ?? '').trim();
  if (!text) return '请填写退回原因';
  if (!CHINESE.test(text)) return '请用中文说明退回原因，学校据此更正后重新报送';
  if (text.length > RETURN_REASON_MAX) return `退回原因不能超过 ${RETURN_REASON_MAX} 个字`;
  return undefined;
}

/**
 * A submitted value (JSON) as people read it: text without quotes, true/false as 是/否, null as —.
 * @example showValue('"王芳"') // '王芳'
 */
export function showValue(json: string | null | undefined, tables: readonly CodeTable<string>[] = ALL_TABLES): string {
  if (json === null || json === undefined || json === '') return '—';
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  if (v === null || v === '') return '—';
  if (v === true) return '是';
  if (v === false) return '否';
  if (typeof v === 'string') return codeLabel(v, tables) ?? v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

const ALL_TABLES: readonly CodeTable<string>[] = Object.values(CODES) as CodeTable<string>[];

/**
 * The Chinese label of a national code (FEMALE → 女) when the code tables agree on it; undefined when no
 * table knows the value or two tables name it differently (the value is then shown as it is).
 */
export function codeLabel(value: string, tables: readonly CodeTable<string>[] = ALL_TABLES): string | undefined {
  const labels = new Set(tables.filter((t) => t.has(value)).map((t) => t.label(value)));
  return labels.size === 1 ? [...labels][0] : undefined;
}

/** Fields a row carries that are no column of the import template (the school by id, the status code as the file gave it). */
const FIELD_TEXT: Readonly<Record<string, string>> = { schoolId: '学校', teacherId: '教师', statusCode: '人员状态代码' };

/** A changed field's Chinese name: the import template's header for the kind's column, else the field. */
export function fieldTitle(field: string, headers: ReadonlyMap<string, string> | undefined): string {
  return headers?.get(field) ?? FIELD_TEXT[field] ?? field;
}
