import type { CodeTable } from '@tw/kernel/codes';
import type { FigureDefinition } from '../api/figures';
import { formatFigure, NO_FIGURE } from './format';
import { CODES, formatDateTime, label } from './labels';

// A frozen year on the dashboard: the tag that says its figures are the official ones, and the
// corrections made since (each service's revisions), written as people read the figures.

export interface Freeze {
  readonly frozenAt: string;
  readonly frozenBy: string;
}

export interface Revision {
  readonly service: string;
  readonly field: string;
  readonly label: string;
  readonly frozenValue: string | null;
  readonly liveValue: string | null;
}

export interface RevisionRow {
  readonly key: string;
  readonly service: string;
  readonly label: string;
  readonly frozen: string;
  readonly live: string;
}

/** The services, as the bureau names its parts of the report. */
export const SERVICE_NAMES: Readonly<Record<string, string>> = {
  personnel: '人事与编制',
  'professional-development': '教师发展',
  compensation: '待遇保障',
  governance: '师德与教育治理',
};

/** The code table of each enum field of a breakdown's items, by the field of the figure. */
const ITEM_CODES: Readonly<Record<string, Readonly<Record<string, CodeTable<string>>>>> = {
  recruitedByChannel: { channel: CODES.HIRE_CHANNEL },
  personTimesByLevel: { level: CODES.TRAINING_LEVEL },
  studiosByKindAndLevel: { kind: CODES.STUDIO_KIND, level: CODES.DESIGNATION_LEVEL },
  talentPassedByCategory: { category: CODES.TALENT_CATEGORY },
};

/** "正式数据 · 2026-12-03 18:26 由 admin 冻结" */
export function freezeText(f: Freeze): string {
  return `正式数据 · ${formatDateTime(f.frozenAt)} 由 ${f.frozenBy} 冻结`;
}

/**
 * A revision's value (JSON of what the field answers) as the dashboard writes the figure: a number in
 * its format, a breakdown as its items (enum values by their labels).
 * @example revisionValue('12', { format: 'count', … }) // '12'
 */
export function revisionValue(json: string | null, field: string, def: Pick<FigureDefinition, 'format'> | undefined): string {
  if (json === null) return NO_FIGURE;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (Array.isArray(value)) {
    const codes = ITEM_CODES[field] ?? {};
    return value
      .map((item: Record<string, unknown>) =>
        Object.entries(item)
          .filter(([, v]) => typeof v !== 'boolean')
          .map(([k, v]) => (codes[k] && typeof v === 'string' ? label(codes[k], v) : v === null ? NO_FIGURE : String(v)))
          .join(' '),
      )
      .join('；');
  }
  if (value !== null && typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k} ${v === null ? NO_FIGURE : String(v)}`).join('；');
  if (def?.format === 'status') return label(CODES.REFORM_STATUS, value as string);
  return formatFigure(value, def?.format ?? 'count');
}

/** Every service's revisions of a frozen year, as the dashboard lists them (service, figure, frozen value, value now). */
export function revisionRows(revisions: readonly Revision[], defs: ReadonlyMap<string, Pick<FigureDefinition, 'format'>>): RevisionRow[] {
  return revisions.map((r) => ({
    key: `${r.service}:${r.field}`,
    service: SERVICE_NAMES[r.service] ?? r.service,
    label: r.label,
    frozen: revisionValue(r.frozenValue, r.field, defs.get(r.field)),
    live: revisionValue(r.liveValue, r.field, defs.get(r.field)),
  }));
}
