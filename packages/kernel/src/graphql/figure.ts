import { Directive } from 'type-graphql';

// A report figure is defined where it is computed: the service that owns a field of DistrictReport or
// SchoolReport names it for the bureau (Chinese name, unit, definition) with @Figure on that field.
// The definition travels in the subgraph's SDL as the custom directive @figure, which composition keeps
// in the supergraph (@composeDirective), where the gateway's workbook and its definitions route read it.

/** The parts of the bureau's yearly report, in the order the report lists them. */
export const FIGURE_GROUPS = ['人事与编制', '教师发展', '师德与党建双培养', '待遇保障', '教育治理'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** How a figure's value is written: a count, an amount in yuan, a share (0.25 is 25%), a code's label. */
export const FIGURE_FORMATS = ['count', 'yuan', 'percent', 'status'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/**
 * The kinds of record every school sends every year (the importer's kind names). A school that sent
 * none of one of them for a year has a gap there, not a zero: a figure counted from that kind lists
 * the school among its data gaps.
 */
export const YEARLY_KINDS = ['teachers', 'trainings', 'ethics', 'appraisals', 'pay'] as const;
export type YearlyKind = (typeof YEARLY_KINDS)[number];

/** The spec the figure directives are linked from (an identifier, never fetched). */
export const FIGURE_SPEC_URL = 'https://specs.teacher-workforce.example/figure/v1.0';
export const FIGURE_DIRECTIVE = 'figure';
export const FIGURE_ROW_DIRECTIVE = 'figureRow';

/** The directives' definitions, as every subgraph declares them. */
export const FIGURE_DIRECTIVES_SDL = `"""
A figure of the yearly report, on a field of DistrictReport (the district's value) or SchoolReport (a column of the
school comparison): its name, unit and definition for the bureau, where the workbook lists it. A list- or object-valued
figure is written as rows, one per @figureRow field of its items.
"""
directive @${FIGURE_DIRECTIVE}(
  """its name in the report (Chinese)"""
  label: String!
  """its unit (人, 人次, 元, %…), empty for a status"""
  unit: String!
  """count, yuan, percent (a share: 0.25 is 25%) or status (an enum value, written as its label)"""
  format: String!
  """the part of the report it belongs to: ${FIGURE_GROUPS.join(', ')}"""
  group: String!
  """its place in the group (figures and the rows of a breakdown are ordered by it)"""
  order: Int!
  """what it counts (Chinese)"""
  definition: String!
  """how the school comparison counts it, when not as the district does"""
  schoolDefinition: String
  """its definition names a term every figure uses: the workbook lists it among the general notes too"""
  generalNote: Boolean
  """a Boolean field of the same report that is true when this value is withheld from the reader"""
  withheldBy: String
  """the yearly kinds of record it is counted from (${YEARLY_KINDS.join(', ')}): a school that sent none of one of them for the year is a data gap of the figure, not a zero"""
  kinds: [String!]
) on FIELD_DEFINITION

"""
A row of a list- or object-valued figure: this field of each item is written as a row. In the label, {field} stands
for the item's value of that enum field, written as its label.
"""
directive @${FIGURE_ROW_DIRECTIVE}(label: String!, order: Int!, unit: String, format: String) on FIELD_DEFINITION`;

/** What the workbook says of a figure. */
export interface FigureDefinition {
  /** its name in the report, e.g. 在职教师数 */
  readonly label: string;
  readonly unit: string;
  readonly format: FigureFormat;
  readonly group: FigureGroup;
  /** its place in the group: unique in the group across every service */
  readonly order: number;
  readonly definition: string;
  /** how the school comparison counts it, when not as the district does */
  readonly schoolDefinition?: string;
  /** the definition names a term every figure uses (what a teacher is): listed among the workbook's general notes */
  readonly generalNote?: boolean;
  /** a Boolean field of the same report that says the value is withheld from this reader */
  readonly withheldBy?: string;
  /** the yearly kinds of record it is counted from: a school that sent none of one of them for the year is listed as a data gap of the figure */
  readonly kinds?: readonly YearlyKind[];
}

/** A row of a list- or object-valued figure. */
export interface FigureRowDefinition {
  /** `其中：{channel}`: `{channel}` is the item's channel, written as its label */
  readonly label: string;
  readonly order: number;
  /** when the row is not of the figure's unit and format (a share among counts) */
  readonly unit?: string;
  readonly format?: FigureFormat;
}

function directive(name: string, args: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>): string {
  // JSON string literals are GraphQL string literals (the same escapes), and a JSON list of them a GraphQL list
  const printed = Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `@${name}(${printed.join(', ')})`;
}

function checkOrder(order: number, label: string): void {
  if (!Number.isInteger(order) || order < 0) throw new Error(`Figure "${label}": order must be a whole number of 0 or more; got ${order}`);
}

/**
 * Declares a field of DistrictReport or SchoolReport a figure of the yearly report. Put it on the
 * field of each report the figure is a value of; its definition is one constant of the owning service.
 * @example
 * export const TEACHER_COUNT: FigureDefinition = { label: '在职教师数', unit: '人', format: 'count', group: '人事与编制', order: 30, definition: '…' };
 * @FieldResolver(() => Int, { description: 'Teachers …' }) @Figure(TEACHER_COUNT) teacherCount() { … }
 */
export function Figure(def: FigureDefinition): MethodDecorator & PropertyDecorator {
  checkOrder(def.order, def.label);
  const unknown = (def.kinds ?? []).filter((k) => !(YEARLY_KINDS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`Figure "${def.label}": kinds must be yearly kinds (${YEARLY_KINDS.join(', ')}); got ${unknown.join(', ')}`);
  return Directive(directive(FIGURE_DIRECTIVE, { ...def }));
}

/**
 * Declares a field of a list- or object-valued figure's item type one of the rows it is written as.
 * @example @Field(() => Int) @FigureRow({ label: '其中：{channel}', order: 1 }) count!: number;
 */
export function FigureRow(def: FigureRowDefinition): MethodDecorator & PropertyDecorator {
  checkOrder(def.order, def.label);
  return Directive(directive(FIGURE_ROW_DIRECTIVE, { ...def }));
}

/** The school comparison's definition of a figure of records: they count at the school written on them. */
export const SCHOOL_AS_RECORDED = '学校口径：按记录填报时所在学校统计。';
