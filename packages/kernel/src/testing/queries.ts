/**
 * The realistic queries the gateway bench drives and the GraphQL fuzz test mutates: a school's
 * teacher page with fields of all four subgraphs, a teacher's full record, the district figures,
 * and the district report when the API schema has one. Selections of whole records are made from
 * schema/api.graphql, so they follow the schema as services add fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, GraphQLObjectType, GraphQLSchema, isLeafType, isNonNullType, isObjectType } from 'graphql';

/** One request: a document and its variables. */
export interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export function readApiSchema(root: string): GraphQLSchema {
  return buildSchema(fs.readFileSync(path.join(root, 'schema/api.graphql'), 'utf8'));
}

/**
 * Every field of `type` a client can ask without choosing arguments: leaves, and objects `depth`
 * levels down (paginated connections left out: they are pages of other records). A required
 * `year: Int!` is given `$year`; a field with any other required argument is left out.
 * @example selectAll(schema, 'Teacher', 1) // "id name … pay(year: $year) { id annualIncome … } …"
 */
export function selectAll(schema: GraphQLSchema, type: string, depth: number): string {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type of the API schema`);
  return selectionOf(t, depth);
}

function selectionOf(t: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const f of Object.values(t.getFields())) {
    const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (required.some((a) => a.name !== 'year' || getNamedType(a.type).name !== 'Int')) continue;
    const args = required.length ? '(year: $year)' : '';
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(`${f.name}${args}`);
    else if (isObjectType(named) && depth > 0 && !named.name.endsWith('Connection')) {
      const inner = selectionOf(named, depth - 1);
      if (inner) parts.push(`${f.name}${args} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

export interface MixIds {
  readonly schoolIds: readonly string[];
  readonly teacherIds: readonly string[];
  readonly year: number;
}

/**
 * The bench's fixed mix: each entry is a kind of request and how often it comes, per 10 requests.
 * `next(i)` picks the i-th request of the mix, rotating schools and teachers.
 */
export function queryMix(schema: GraphQLSchema, ids: MixIds) {
  const schoolPage = `query SchoolTeacherPage($id: ID!, $year: Int!) {
  school(id: $id) {
    id name code type teacherCount
    quota(year: $year) { approved filled vacant }
    teachers(first: 50) {
      totalCount
      nodes {
        id name gender idNumber professionalTitle politicalStatus
        trainingHours(year: $year) highestDesignation(year: $year) { kind level }
        pay(year: $year) { annualIncome }
        ethics(year: $year) { result } appraisal(year: $year) { result }
      }
    }
  }
}`;
  const teacherRecord = `query TeacherRecord($id: ID!, $year: Int!) { teacher(id: $id) { ${selectAll(schema, 'Teacher', 1)} } }`;
  const figures = [
    `payParity(year: $year) { ${selectAll(schema, 'PayParity', 1)} }`,
    `inspectionSummary(year: $year) { ${selectAll(schema, 'InspectionSummary', 1)} }`,
    `quotaSummary(year: $year) { ${selectAll(schema, 'QuotaSummary', 1)} }`,
    `reformProgress(year: $year) { ${selectAll(schema, 'ReformProgress', 1)} }`,
    `schools(first: 100) { nodes { id name professionalDevelopment(year: $year) { ${selectAll(schema, 'SchoolDevelopmentFigures', 0)} } } }`,
  ];
  const districtFigures = `query DistrictFigures($year: Int!) { ${figures.join(' ')} }`;
  const hasReport = !!schema.getQueryType()?.getFields().districtReport;
  const districtReport = hasReport ? `query DistrictReport($year: Int!) { districtReport(year: $year) { ${selectAll(schema, 'DistrictReport', 2)} } }` : undefined;

  const kinds: Array<{ name: string; weight: number; make: (i: number) => Operation }> = [
    { name: 'school teacher page', weight: 4, make: (i) => ({ name: 'school teacher page', query: schoolPage, variables: { id: ids.schoolIds[i % ids.schoolIds.length], year: ids.year } }) },
    { name: 'teacher record', weight: 4, make: (i) => ({ name: 'teacher record', query: teacherRecord, variables: { id: ids.teacherIds[(i * 7919) % ids.teacherIds.length], year: ids.year } }) },
    { name: 'district figures', weight: hasReport ? 1 : 2, make: () => ({ name: 'district figures', query: districtFigures, variables: { year: ids.year } }) },
  ];
  if (districtReport) kinds.push({ name: 'district report', weight: 1, make: () => ({ name: 'district report', query: districtReport, variables: { year: ids.year } }) });
  const wheel = kinds.flatMap((k) => Array.from({ length: k.weight }, () => k));
  return {
    kinds: kinds.map((k) => ({ name: k.name, weight: k.weight })),
    /** one request of each kind, for the fuzz seeds and the recording of subgraph fetches */
    samples: (): Operation[] => kinds.map((k) => k.make(0)),
    next: (i: number): Operation => wheel[i % wheel.length].make(Math.floor(i / wheel.length)),
  };
}
