import {
  codeTableNamed,
  FIGURE_DIRECTIVE,
  FIGURE_FORMATS,
  FIGURE_GROUPS,
  FIGURE_ROW_DIRECTIVE,
  FigureDefinition,
  FigureFormat,
  FigureGroup,
  FigureRowDefinition,
} from '@tw/kernel';
import {
  buildASTSchema,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  parse,
  valueFromASTUntyped,
} from 'graphql';

// The report's figures are not listed here: each service declares its own with @Figure on its fields of
// DistrictReport and SchoolReport, and this module reads them from the supergraph the gateway serves.
// A figure a service adds reaches the workbook and GET /reports/figures with no change to the gateway.

export type { FigureFormat, FigureGroup } from '@tw/kernel';

/** An enum's values' labels for people, by value. */
export type EnumLabels = Readonly<Record<string, string>>;

/** A row a list- or object-valued figure is written as: a field of its items. */
export interface FigureRowSpec {
  readonly field: string;
  /** with `{field}` placeholders for the item's values (e.g. `其中：{channel}`) */
  readonly label: string;
  readonly order: number;
  readonly unit: string;
  readonly format: FigureFormat;
}

/** How a list- or object-valued figure becomes rows: one per @figureRow field, for each item. */
export interface FigureRows {
  /** the GraphQL selection of an item */
  readonly selection: string;
  readonly rows: readonly FigureRowSpec[];
  /** each placeholder of the rows' labels (a field of the item): its enum values' labels (null: not an enum, written as it is) */
  readonly placeholders: Readonly<Record<string, EnumLabels | null>>;
}

/** A figure of the report, as its service declares it, and where it appears. */
export interface ReportFigure extends Required<Pick<FigureDefinition, 'label' | 'unit' | 'format' | 'group' | 'order' | 'definition'>> {
  readonly field: string;
  /** the subgraph that computes it */
  readonly service: string;
  readonly schoolDefinition: string | null;
  readonly generalNote: boolean;
  readonly withheldBy: string | null;
  /** the yearly kinds it is counted from: a school that sent none of one of them for the year is a data gap of the figure */
  readonly kinds: readonly string[];
  /** a field of DistrictReport: a row (or rows) of the 报表 sheet */
  readonly district: boolean;
  /** a field of SchoolReport: a column of the school comparison */
  readonly school: boolean;
  /** a status figure's values' labels (its enum's) */
  readonly labels: EnumLabels | null;
  /** list- or object-valued figures only */
  readonly breakdown: FigureRows | null;
}

/** Every figure of the supergraph, in the report's order. */
export interface FigureCatalogue {
  readonly groups: readonly FigureGroup[];
  /** the 报表 sheet: DistrictReport's figures by group and order */
  readonly district: readonly ReportFigure[];
  /** the school comparison's columns, in the same order */
  readonly school: readonly ReportFigure[];
  /** each figure once: the district's, then those of the school comparison only */
  readonly all: readonly ReportFigure[];
  /** what the 说明 sheet says before the figures */
  readonly notes: readonly string[];
  /** the supergraph answers data gaps (DistrictReport.dataGaps, SchoolReport.missingKinds: the importer's) */
  readonly dataGaps: boolean;
  /** whether DistrictReport says which freeze its figures are (frozen: the official version of the year) */
  readonly frozen: boolean;
}

/** A supergraph whose figures cannot make a report: names the figure and what is wrong. */
export class FigureCatalogueError extends Error {
  constructor(message: string) {
    super(`The report's figures in the supergraph: ${message}`);
    this.name = 'FigureCatalogueError';
  }
}

/** The notes of the 说明 sheet that are about the workbook, around the terms the figures define (generalNote). */
const NOTES_BEFORE = ['每个数字都由负责该业务的服务从当年的记录中用 SQL 汇总得出，不是录入的数字。'];
const NOTES_AFTER = [
  '公办：举办者为公办的学校。党员：政治面貌为中国共产党党员或中国共产党预备党员。骨干：持有当年有效称号（名师、骨干教师、学科带头人、名班主任、特级教师、中原英才等）。',
  '学校对比：在职、公办、党员、骨干等名册口径按教师现所在学校统计；各项记录按填报时所在学校统计（另有说明的除外）。',
  '小样本规则：工资与人才补贴类数字所依据的教师不足 5 人时，对无权查看其中每位教师的读者隐去（显示为“—”），并连带隐去可据合计推算出的其他学校。',
  '空白或“—”：该项不适用（如民办学校的比例、上年为 0 的压减比例）或已按小样本规则隐去。',
  '未报送：该校当年没有报送该指标所依据的某类数据（在职名册、培训、师德考核、年度考核或工资），其数值是数据缺口而不是 0；“报表”表的“数据缺口”列列出这些学校。',
];

const PLACEHOLDER = /\{(\w+)\}/g;

type Args = Readonly<Record<string, unknown>>;

function directiveArgs(schema: GraphQLSchema, name: string, field: GraphQLField<unknown, unknown>): Args | undefined {
  const directive = schema.getDirective(name) as GraphQLDirective;
  return field.astNode ? (getDirectiveValues(directive, field.astNode) as Args | undefined) : undefined;
}

/** The subgraphs' names by their join__Graph value (PROFESSIONAL_DEVELOPMENT → professional-development). */
function graphNames(schema: GraphQLSchema): ReadonlyMap<string, string> {
  const graphs = new Map<string, string>();
  const joinGraph = schema.getType('join__Graph');
  if (!isEnumType(joinGraph)) return graphs;
  for (const v of joinGraph.getValues()) {
    const arg = v.astNode?.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name');
    if (arg?.value.kind === Kind.STRING) graphs.set(v.name, arg.value.value);
  }
  return graphs;
}

/** The subgraph a field is computed by: its @join__field that is not @external (or its type's only graph). */
function serviceOf(graphs: ReadonlyMap<string, string>, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string {
  const joins = (field.astNode?.directives ?? []).filter((d) => d.name.value === 'join__field').map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])));
  const owner = joins.find((j) => j.graph && j.external !== true)?.graph as string | undefined;
  const typeGraphs = (type.astNode?.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value);
  const graph = owner ?? (typeGraphs.length === 1 && typeGraphs[0]?.kind === Kind.ENUM ? typeGraphs[0].value : undefined);
  if (!graph) throw new FigureCatalogueError(`${type.name}.${field.name}: no subgraph computes it`);
  return graphs.get(graph) ?? graph.toLowerCase();
}

/**
 * An enum's labels: its code table's (the kernel's tables are the platform's vocabulary), else each
 * value's description in the supergraph, else the value.
 */
function labelsOf(e: GraphQLEnumType): EnumLabels {
  const table = codeTableNamed(e.name);
  return Object.fromEntries(e.getValues().map((v) => [v.name, table?.has(v.name) ? table.label(v.name) : (v.description ?? v.name)]));
}

function checkFormat(where: string, format: unknown): FigureFormat {
  if (!(FIGURE_FORMATS as readonly unknown[]).includes(format)) throw new FigureCatalogueError(`${where}: format must be one of ${FIGURE_FORMATS.join(', ')}; got "${String(format)}"`);
  return format as FigureFormat;
}

function breakdownOf(schema: GraphQLSchema, where: string, item: GraphQLObjectType, unit: string, format: FigureFormat): FigureRows {
  const rows: FigureRowSpec[] = [];
  for (const f of Object.values(item.getFields())) {
    const args = directiveArgs(schema, FIGURE_ROW_DIRECTIVE, f) as FigureRowDefinition | undefined;
    if (!args) continue;
    rows.push({ field: f.name, label: args.label, order: args.order, unit: args.unit ?? unit, format: args.format === undefined ? format : checkFormat(`${item.name}.${f.name}`, args.format) });
  }
  if (!rows.length) throw new FigureCatalogueError(`${where} is list- or object-valued, but its type ${item.name} has no @${FIGURE_ROW_DIRECTIVE} field to write as a row`);
  rows.sort((a, b) => a.order - b.order);
  const placeholders: Record<string, EnumLabels | null> = {};
  for (const r of rows) {
    for (const [, name] of r.label.matchAll(PLACEHOLDER)) {
      const f = item.getFields()[name];
      if (!f) throw new FigureCatalogueError(`${item.name}.${r.field}: the label "${r.label}" names {${name}}, which is not a field of ${item.name}`);
      const t = getNamedType(f.type);
      placeholders[name] = isEnumType(t) ? labelsOf(t) : null;
    }
  }
  return { selection: `{ ${[...new Set([...Object.keys(placeholders), ...rows.map((r) => r.field)])].join(' ')} }`, rows, placeholders };
}

function figuresOf(schema: GraphQLSchema, typeName: 'DistrictReport' | 'SchoolReport'): ReportFigure[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new FigureCatalogueError(`the supergraph has no type ${typeName}`);
  const graphs = graphNames(schema);
  const out: ReportFigure[] = [];
  for (const field of Object.values(type.getFields())) {
    const args = directiveArgs(schema, FIGURE_DIRECTIVE, field) as FigureDefinition | undefined;
    if (!args) continue;
    const where = `${typeName}.${field.name}`;
    if (!(FIGURE_GROUPS as readonly string[]).includes(args.group)) throw new FigureCatalogueError(`${where}: group must be one of ${FIGURE_GROUPS.join(', ')}; got "${args.group}"`);
    const format = checkFormat(where, args.format);
    if (args.withheldBy !== undefined && getNamedType(type.getFields()[args.withheldBy]?.type)?.name !== 'Boolean') {
      throw new FigureCatalogueError(`${where}: withheldBy names "${args.withheldBy}", which is not a Boolean field of ${typeName}`);
    }
    const valueType = getNamedType(field.type);
    const listed = isListType(getNullableType(field.type));
    const breakdown = isObjectType(valueType) ? breakdownOf(schema, where, valueType, args.unit, format) : null;
    if (listed && !breakdown) throw new FigureCatalogueError(`${where}: a list-valued figure must list objects with @${FIGURE_ROW_DIRECTIVE} fields`);
    if (breakdown && typeName === 'SchoolReport') throw new FigureCatalogueError(`${where}: the school comparison has one column per figure; a list- or object-valued figure cannot be one`);
    out.push({
      field: field.name,
      label: args.label,
      unit: args.unit,
      format,
      group: args.group,
      order: args.order,
      definition: args.definition,
      schoolDefinition: args.schoolDefinition ?? null,
      generalNote: args.generalNote === true,
      withheldBy: args.withheldBy ?? null,
      kinds: Array.isArray(args.kinds) ? (args.kinds as string[]) : [],
      service: serviceOf(graphs, type, field),
      district: typeName === 'DistrictReport',
      school: typeName === 'SchoolReport',
      labels: isEnumType(valueType) ? labelsOf(valueType) : null,
      breakdown,
    });
  }
  const rank = (f: ReportFigure) => FIGURE_GROUPS.indexOf(f.group) * 1e9 + f.order;
  // the field name breaks a tie only so that the error below names the two the same way every time
  out.sort((a, b) => rank(a) - rank(b) || a.field.localeCompare(b.field));
  for (let i = 1; i < out.length; i++) {
    if (rank(out[i]) === rank(out[i - 1])) {
      throw new FigureCatalogueError(`${typeName}.${out[i - 1].field} (${out[i - 1].service}) and ${typeName}.${out[i].field} (${out[i].service}) both take order ${out[i].order} in ${out[i].group}: give one another place`);
    }
  }
  return out;
}

const DECLARED = ['label', 'unit', 'format', 'group', 'order', 'definition', 'schoolDefinition', 'generalNote', 'withheldBy', 'kinds'] as const;
const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') : a === b);

/**
 * The report's figures as the services declare them in the supergraph: DistrictReport's in the 报表
 * sheet, SchoolReport's as the school comparison's columns, both ordered by group (FIGURE_GROUPS) and
 * `order`. Throws a FigureCatalogueError naming the figure when the declarations cannot make a report.
 */
export function readFigures(supergraphSdl: string): FigureCatalogue {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  if (!schema.getDirective(FIGURE_DIRECTIVE) || !schema.getDirective(FIGURE_ROW_DIRECTIVE)) {
    throw new FigureCatalogueError(`it declares no @${FIGURE_DIRECTIVE}: compose it again ("npm run compose")`);
  }
  const district = figuresOf(schema, 'DistrictReport');
  const school = figuresOf(schema, 'SchoolReport');
  const byField = new Map(district.map((f) => [f.field, f]));
  const all: ReportFigure[] = district.map((f) => ({ ...f, school: school.some((s) => s.field === f.field) }));
  const merged = new Map(all.map((f) => [f.field, f]));
  for (const s of school) {
    const d = byField.get(s.field);
    if (!d) {
      all.push(s);
      continue;
    }
    const differs = DECLARED.find((k) => !same(d[k], s[k]));
    if (differs) throw new FigureCatalogueError(`DistrictReport.${s.field} and SchoolReport.${s.field} declare different ${differs}: one figure has one @${FIGURE_DIRECTIVE} (put the same constant on both)`);
  }
  const notes = [...NOTES_BEFORE, ...all.filter((f) => f.generalNote).map((f) => f.definition), ...NOTES_AFTER];
  const reportType = schema.getType('DistrictReport');
  const schoolType = schema.getType('SchoolReport');
  const dataGaps = isObjectType(reportType) && !!reportType.getFields().dataGaps && isObjectType(schoolType) && !!schoolType.getFields().missingKinds;
  const frozen = isObjectType(reportType) && !!reportType.getFields().frozen;
  return { groups: FIGURE_GROUPS, district: all.filter((f) => f.district), school: school.map((s) => merged.get(s.field) ?? s), all, notes, dataGaps, frozen };
}

/** A value as people read it: its label when it has one, else the value itself. */
export function labelOf(labels: EnumLabels | null, value: unknown): string {
  const v = String(value);
  return labels && Object.hasOwn(labels, v) ? labels[v] : v;
}

/** A row of a list- or object-valued figure as the 报表 sheet writes it. */
export interface BreakdownRow {
  readonly label: string;
  readonly value: unknown;
  readonly unit: string;
  readonly format: FigureFormat;
}

/** The rows a breakdown's value is written as: every @figureRow field of every item. */
export function breakdownRows(b: FigureRows, value: unknown): BreakdownRow[] {
  const items = (Array.isArray(value) ? value : [value ?? {}]) as Array<Record<string, unknown>>;
  return items.flatMap((item) =>
    b.rows.map((r) => ({
      label: r.label.replace(PLACEHOLDER, (_, name: string) => labelOf(b.placeholders[name] ?? null, item[name])),
      value: item[r.field],
      unit: r.unit,
      format: r.format,
    })),
  );
}
