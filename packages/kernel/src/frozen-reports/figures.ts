import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import {
  defaultFieldResolver,
  getNamedType,
  graphql,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  StringValueNode,
} from 'graphql';
import { DataSource, In } from 'typeorm';
import { Principal } from '../auth/principal';
import { AppError, ErrorCode } from '../errors';
import { BaseContext } from '../graphql/context';
import { FIGURE_DIRECTIVE } from '../graphql/figure';
import { currentRequestScope } from '../request-scope';
import { FrozenFigures, FrozenReport } from './frozen-report.entity';

// How a frozen year's figures are answered: startService installs a wrapper on every field of the
// service's DistrictReport (its own figures); for a year with a standing freeze (and the report's own
// sinceYear) the wrapper answers the stored value instead of computing it. The stored values are
// what the service's own schema answered when it was frozen (executed here, `_entities`), once for a
// reader who may read every teacher and once for one who may not (the small-group rule), so a frozen
// figure withholds from a reader exactly what it withheld when it was frozen.

export const REPORT_TYPE = 'DistrictReport';
const KEY_FIELDS = new Set(['year', 'sinceYear']);
/** GraphQL types of the mechanism itself, whose fields are never frozen. */
export const FREEZE_TYPES = new Set(['ReportFreeze', 'FigureRevision']);

/** The two views a frozen report keeps. */
export type FrozenView = keyof FrozenFigures;

/** DISTRICT_ADMIN and internal services read the open view; every other report reader the restricted one. */
export function viewOf(p: Principal | null): FrozenView {
  return p && (p.role === 'DISTRICT_ADMIN' || p.role === 'SERVICE') ? 'open' : 'restricted';
}

/** Whom the restricted view is computed as: a reader who may read no single teacher. */
export const RESTRICTED_READER: Principal = { subject: 'frozen-report:restricted', role: 'ANALYST' };

/** What the kernel needs of a running service to freeze and answer its figures. */
export interface FrozenReportsRuntime {
  readonly service: string;
  readonly schema: GraphQLSchema;
  readonly dataSource: DataSource;
  readonly context: (base: BaseContext) => BaseContext;
  /** the other services, for the owner of freezeDistrictReport (personnel) */
  readonly peers?: FreezePeers;
  /** the fields of DistrictReport this service answers (and freezes) */
  readonly fields: readonly string[];
  /** the @external fields of DistrictReport this service's figures @require (owned by personnel) */
  readonly externals: readonly string[];
  /** field name → the figure's label, for the fields declared @figure */
  readonly labels: ReadonlyMap<string, string>;
  /** the query that computes every frozen field of a representation */
  readonly document: string;
}

/** How personnel's freezeDistrictReport reaches the other services' parts (through the gateway, for the admin). */
export interface FreezePeers {
  /** the services beside the owner that keep frozen figures, with the prefix of their fields */
  readonly parts: readonly FrozenReportPart[];
  freeze(part: FrozenReportPart, admin: Principal, year: number, freezeId: string, owner: Record<string, unknown>): Promise<void>;
  /** lifts the part's standing freeze of the year (only `freezeId`'s when given); the freeze lifted, null when none stood */
  unfreeze(part: FrozenReportPart, admin: Principal, year: number, reason: string, freezeId: string | null): Promise<ReportFreezeData | null>;
}

/** A freeze as the API answers it (ReportFreeze). */
export interface ReportFreezeData {
  readonly year: number;
  readonly frozenAt: Date;
  readonly frozenBy: string;
  readonly frozenByRole: string;
  readonly unfrozenAt: Date | null;
  readonly unfrozenBy: string | null;
  readonly unfreezeReason: string | null;
}

export interface FrozenReportPart {
  readonly service: string;
  /** the prefix of its fields: freeze<Prefix>Figures, <prefix>Revisions */
  readonly prefix: string;
}

/** Every service's part of the district report, the owner (personnel) first. */
export const FROZEN_REPORT_PARTS: readonly FrozenReportPart[] = [
  { service: 'personnel', prefix: 'personnel' },
  { service: 'professional-development', prefix: 'professionalDevelopment' },
  { service: 'compensation', prefix: 'compensation' },
  { service: 'governance', prefix: 'governance' },
];

const RUNTIMES = new WeakMap<GraphQLSchema, FrozenReportsRuntime>();
/** Contexts of a recomputation: their DistrictReport fields are answered live whatever is frozen. */
const LIVE = new WeakSet<object>();
const STANDING = new WeakMap<object, DataLoader<number, FrozenReport | null>>();
const PARSED = new WeakMap<FrozenReport, FrozenFigures>();
/** Marks an object rebuilt from stored values: its fields answer what is stored. */
const FROZEN_OBJECT = Symbol('frozenObject');

const hasDirective = (f: GraphQLField<unknown, unknown>, name: string) => !!f.astNode?.directives?.some((d) => d.name.value === name);

function figureLabel(f: GraphQLField<unknown, unknown>): string | null {
  const d = f.astNode?.directives?.find((x) => x.name.value === FIGURE_DIRECTIVE);
  const arg = d?.arguments?.find((a) => a.name.value === 'label');
  return arg ? (arg.value as StringValueNode).value : null;
}

function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) || depth > 4) throw new Error(`A frozen report field of type ${named.name} cannot be stored: only scalars, enums and objects of them are`);
  const fields = Object.values(named.getFields()).filter((f) => f.args.length === 0);
  return ` { ${fields.map((f) => `${f.name}${selection(f.type, depth + 1)}`).join(' ')} }`;
}

/** The object types under a frozen field, whose fields must answer stored values too. */
function objectTypesUnder(type: GraphQLOutputType, into: Set<GraphQLObjectType>): void {
  const named = getNamedType(type);
  if (!isObjectType(named) || into.has(named)) return;
  into.add(named);
  for (const f of Object.values(named.getFields())) objectTypesUnder(f.type, into);
}

/** A stored (serialized) value back as a resolver's value of `type`: a leaf through its parseValue, an object marked frozen. */
function revive(value: unknown, type: GraphQLOutputType): unknown {
  if (isNonNullType(type)) return revive(value, type.ofType);
  if (value === null || value === undefined) return null;
  if (isListType(type)) return (value as unknown[]).map((v) => revive(v, type.ofType));
  if (isLeafType(type)) return type.parseValue(value);
  if (isObjectType(type)) {
    const fields = type.getFields();
    const out: Record<string | symbol, unknown> = { [FROZEN_OBJECT]: true };
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (fields[k]) out[k] = revive(v, fields[k].type);
    return out;
  }
  return value;
}

function standing(rt: FrozenReportsRuntime, ctx: object): DataLoader<number, FrozenReport | null> {
  let loader = STANDING.get(ctx);
  if (!loader) {
    loader = new DataLoader<number, FrozenReport | null>(async (years) => {
      const rows = await rt.dataSource.getRepository(FrozenReport).find({ where: { activeYear: In([...years]) } });
      return years.map((y) => rows.find((r) => r.activeYear === y) ?? null);
    });
    STANDING.set(ctx, loader);
  }
  return loader;
}

/** The standing freeze of `year` in this service, as this request sees it (one statement per request). */
export function standingFreeze(rt: FrozenReportsRuntime, ctx: object, year: number): Promise<FrozenReport | null> {
  return standing(rt, ctx).load(year);
}

export function frozenFigures(row: FrozenReport): FrozenFigures {
  let parsed = PARSED.get(row);
  if (!parsed) PARSED.set(row, (parsed = row.figures()));
  return parsed;
}

interface ReportParent {
  readonly year: number;
  readonly sinceYear: number;
}

/**
 * Makes a started service answer its frozen years from the store: wraps its DistrictReport fields
 * (and the object types under them) in place. Called by startService; a schema without DistrictReport
 * (the importer), or one that does not take part (no <prefix>Revisions field), is left alone.
 */
export function installFrozenReports(
  schema: GraphQLSchema,
  o: { service: string; dataSource: DataSource; context: (base: BaseContext) => BaseContext; peers?: FreezePeers },
): FrozenReportsRuntime | null {
  const existing = RUNTIMES.get(schema);
  if (existing) return existing;
  const report = schema.getType(REPORT_TYPE);
  if (!isObjectType(report)) return null;
  const all = Object.values(report.getFields());
  // a service takes part by adding the mechanism's resolvers (its <prefix>Revisions field); another subgraph that extends the report is left alone
  if (!all.some((f) => getNamedType(f.type).name === 'FigureRevision')) return null;
  const frozen = all.filter((f) => !KEY_FIELDS.has(f.name) && f.args.length === 0 && !hasDirective(f, 'external') && !FREEZE_TYPES.has(getNamedType(f.type).name));
  const externals = all.filter((f) => hasDirective(f, 'external')).map((f) => f.name);
  const labels = new Map<string, string>();
  for (const f of frozen) {
    const label = figureLabel(f);
    if (label) labels.set(f.name, label);
  }
  const document = `query FrozenReportFigures($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${REPORT_TYPE} { ${frozen
    .map((f) => `${f.name}${selection(f.type, 1)}`)
    .join(' ')} } } }`;
  const rt: FrozenReportsRuntime = { ...o, schema, fields: frozen.map((f) => f.name), externals, labels, document };
  RUNTIMES.set(schema, rt);

  for (const f of frozen) {
    const live: GraphQLFieldResolver<unknown, unknown> = f.resolve ?? defaultFieldResolver;
    f.resolve = async (parent, args, ctx: BaseContext, info) => {
      const r = parent as ReportParent;
      if (LIVE.has(ctx) || r.sinceYear !== r.year) return live(parent, args, ctx, info);
      const row = await standing(rt, ctx).load(r.year);
      const values = row ? frozenFigures(row)[viewOf(ctx.principal)] : null;
      // a field added after the freeze has no stored value: it is answered live
      if (!values || !(f.name in values)) return live(parent, args, ctx, info);
      return revive(values[f.name], f.type);
    };
  }
  const objects = new Set<GraphQLObjectType>();
  for (const f of frozen) objectTypesUnder(f.type, objects);
  for (const t of objects) {
    for (const f of Object.values(t.getFields())) {
      const live: GraphQLFieldResolver<unknown, unknown> = f.resolve ?? defaultFieldResolver;
      f.resolve = (parent, args, ctx, info) =>
        parent && typeof parent === 'object' && (parent as Record<symbol, unknown>)[FROZEN_OBJECT] ? (parent as Record<string, unknown>)[f.name] : live(parent, args, ctx, info);
    }
  }
  return rt;
}

/** The runtime of the schema a resolver runs in (`info.schema`), or UNAVAILABLE. */
export function frozenReportsOf(schema: GraphQLSchema): FrozenReportsRuntime {
  const rt = RUNTIMES.get(schema);
  if (!rt) throw new AppError(ErrorCode.UNAVAILABLE, 'Frozen reports are not set up in this service (it was not started through startService)');
  return rt;
}

/**
 * This service's figures of a year as its schema answers them for `reader`, computed live whatever is
 * frozen. `given` holds the values of the @external fields the figures require (personnel's).
 */
export async function computeFigures(rt: FrozenReportsRuntime, reader: Principal, year: number, sinceYear: number, given: Record<string, unknown>): Promise<Record<string, unknown>> {
  const ctx = rt.context({ principal: reader, requestId: currentRequestScope()?.requestId ?? randomUUID() });
  LIVE.add(ctx);
  const representation: Record<string, unknown> = { __typename: REPORT_TYPE, year, sinceYear };
  for (const name of rt.externals) representation[name] = given[name] ?? null;
  const result = await graphql({ schema: rt.schema, source: rt.document, variableValues: { representations: [representation] }, contextValue: ctx });
  const entity = (result.data?._entities as Array<Record<string, unknown> | null> | undefined)?.[0];
  if (result.errors?.length || !entity) {
    const first = result.errors?.[0];
    throw new AppError(String(first?.extensions?.code ?? ErrorCode.UNAVAILABLE), `${rt.service} could not compute its figures of ${year}: ${result.errors?.map((e) => e.message).join('; ') ?? 'no answer'}`);
  }
  return entity;
}
