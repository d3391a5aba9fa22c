import type { FigureFormat } from '../lib/format';
import { httpJson } from './client';

/** A report figure's name, unit and definition, as the workbook's 说明 sheet gives them. */
export interface FigureDefinition {
  readonly field: string;
  readonly label: string;
  readonly unit: string;
  readonly format: FigureFormat;
  readonly group: string;
  readonly definition: string;
  /** a column of the school comparison too */
  readonly school: boolean;
  readonly schoolDefinition: string | null;
  /** the yearly kinds it is counted from: a school that sent none of one of them is a data gap of the figure */
  readonly kinds: readonly string[];
}

export interface FigureDefinitions {
  readonly figures: readonly FigureDefinition[];
  readonly notes: readonly string[];
}

let cached: Promise<FigureDefinitions> | undefined;
/**
 * The figures' definitions, as each service declares them in the supergraph: the gateway's
 * `GET /reports/figures`, the same catalogue the workbook export writes its 说明 sheet from.
 */
export function figureDefinitions(): Promise<FigureDefinitions> {
  cached ??= httpJson<FigureDefinitions>('/reports/figures').catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

/** teacherCount → TEACHER_COUNT: the SchoolReportMetric that orders the comparison by a figure. */
export function metricOf(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
