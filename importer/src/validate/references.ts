import { ID_TYPE, normalizeIdNumber } from '@tw/kernel';
import { ResolvedRefs } from '../spec/kind-spec';
import { cleanCellText } from '../spec/cell';
import type { GraphQLCaller } from '../jobs/gateway-caller';

export interface SchoolRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface TeacherRecord {
  readonly id: string;
  readonly name: string;
}

/** The most keys one lookup request carries (the subgraphs' limit). */
const CHUNK = 1000;

const SCHOOLS_BY_CODE = 'query ImporterSchoolsByCode($codes: [String!]!) { schools(first: 1000, filter: { codes: $codes }) { nodes { id code name } } }';
const SCHOOLS_BY_NAME = 'query ImporterSchoolsByName($names: [String!]!) { schools(first: 1000, filter: { names: $names }) { nodes { id code name } } }';
const TEACHERS_BY_ID_NUMBER =
  'query ImporterTeachersByIdNumber($idType: IdType!, $idNumbers: [String!]!) { teachersByIdNumber(idType: $idType, idNumbers: $idNumbers) { id name } }';

/**
 * Schools named by 学校标识码 or exact name, looked up through the gateway a batch at a time and
 * remembered for the rest of the job (a district has a few hundred schools; a file names each many
 * times). Names unknown to personnel are remembered too.
 */
export class SchoolDirectory {
  private readonly byCode = new Map<string, SchoolRecord | null>();
  private readonly byName = new Map<string, SchoolRecord | null>();

  constructor(private readonly gateway: GraphQLCaller) {}

  /** Looks up, in a few requests, every code and name not asked before. */
  async load(codes: Iterable<string>, names: Iterable<string>): Promise<void> {
    const newCodes = [...new Set(codes)].filter((c) => !this.byCode.has(c));
    const newNames = [...new Set(names)].filter((n) => !this.byName.has(n));
    for (let i = 0; i < newCodes.length; i += CHUNK) {
      const chunk = newCodes.slice(i, i + CHUNK);
      const d = await this.gateway.request<{ schools: { nodes: SchoolRecord[] } }>(SCHOOLS_BY_CODE, { codes: chunk });
      for (const c of chunk) this.byCode.set(c, null);
      for (const s of d.schools.nodes) this.remember(s);
    }
    for (let i = 0; i < newNames.length; i += CHUNK) {
      const chunk = newNames.slice(i, i + CHUNK);
      const d = await this.gateway.request<{ schools: { nodes: SchoolRecord[] } }>(SCHOOLS_BY_NAME, { names: chunk });
      for (const n of chunk) this.byName.set(n, null);
      for (const s of d.schools.nodes) this.remember(s);
    }
  }

  private remember(s: SchoolRecord): void {
    this.byCode.set(s.code, s);
    this.byName.set(s.name, s);
  }

  code(code: string): SchoolRecord | null | undefined {
    return this.byCode.get(code);
  }

  name(name: string): SchoolRecord | null | undefined {
    return this.byName.get(name);
  }
}

const ONE_SCHOOL = 'query ImporterOneSchool($codes: [String!]!, $names: [String!]!) { byCode: schools(first: 2, filter: { codes: $codes }) { nodes { id code name } } byName: schools(first: 2, filter: { names: $names }) { nodes { id code name } } }';

/** The school an upload names, by 学校标识码 or exact name, or undefined when personnel knows none (or the caller may not see it). */
export async function findSchool(gateway: GraphQLCaller, given: string): Promise<SchoolRecord | undefined> {
  const d = await gateway.request<{ byCode: { nodes: SchoolRecord[] }; byName: { nodes: SchoolRecord[] } }>(ONE_SCHOOL, { codes: [given], names: [given] });
  return d.byCode.nodes[0] ?? d.byName.nodes[0];
}

/** Every school of the district the caller may see, in personnel's order, 1,000 a request. */
export async function allSchools(gateway: GraphQLCaller): Promise<SchoolRecord[]> {
  const out: SchoolRecord[] = [];
  for (let after: string | null = null; ; ) {
    const d: { schools: { nodes: SchoolRecord[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gateway.request(
      'query ImporterAllSchools($after: String) { schools(first: 1000, after: $after) { nodes { id code name } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    out.push(...d.schools.nodes);
    if (!d.schools.pageInfo.hasNextPage) return out;
    after = d.schools.pageInfo.endCursor;
  }
}

/** Teachers by 身份证件类型 + 身份证件号, looked up through the gateway, 1,000 numbers a request. */
export async function lookupTeachers(gateway: GraphQLCaller, refs: ReadonlyArray<{ idType: string; idNumber: string }>): Promise<Map<string, TeacherRecord>> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs) {
    const set = byType.get(r.idType) ?? new Set<string>();
    set.add(r.idNumber);
    byType.set(r.idType, set);
  }
  const found = new Map<string, TeacherRecord>();
  for (const [idType, numbers] of byType) {
    const list = [...numbers];
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      const d = await gateway.request<{ teachersByIdNumber: Array<TeacherRecord | null> }>(TEACHERS_BY_ID_NUMBER, { idType, idNumbers: chunk });
      d.teachersByIdNumber.forEach((t, k) => {
        if (t) found.set(teacherKey(idType, chunk[k]), t);
      });
    }
  }
  return found;
}

export const teacherKey = (idType: string, idNumber: string) => `${idType}:${normalizeIdNumber(idNumber)}`;

/** The kind of a row's problem with its references, with the column it is shown on. */
export interface RefProblem {
  readonly key?: string;
  readonly code: string;
  readonly reason: string;
}

export type RefOutcome = { ok: true; refs: ResolvedRefs } | { ok: false; problem: RefProblem };

/** Names compare as stored: half-width, trimmed, inner space runs made one. */
export const sameName = (a: unknown, b: string) => cleanCellText(typeof a === 'string' ? a : null) === cleanCellText(b);

export const defaultIdType = (v: unknown) => (typeof v === 'string' && ID_TYPE.has(v) ? v : 'RESIDENT_ID');
