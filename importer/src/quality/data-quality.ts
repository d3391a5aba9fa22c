import { KindCoverage, YEARLY_KINDS } from '@tw/kernel';
import { GatewayCallError, GraphQLCaller } from '../jobs/gateway-caller';
import { kindSpec } from '../kinds';

/** Each service's coverage query, as the supergraph names it. */
const COVERAGE_QUERIES = [
  { service: 'personnel', field: 'personnelCoverage' },
  { service: 'professional-development', field: 'developmentCoverage' },
  { service: 'compensation', field: 'compensationCoverage' },
  { service: 'governance', field: 'governanceCoverage' },
] as const;

/** Kinds as people read them; coverage kinds that are part of an import kind (violations) named here. */
const TITLES: Record<string, string> = { violations: '师德违规与处分' };
export const kindTitle = (kind: string) => kindSpec(kind)?.title ?? TITLES[kind] ?? kind;

/** What every service said of some schools' records of a year, and which services did not answer. */
export interface CoverageAnswer {
  readonly coverage: KindCoverage[];
  readonly unavailable: string[];
}

/**
 * Asks each service, through the gateway with the caller's access, for its coverage of the schools
 * in a year: one request a service, whatever the number of schools (at most 1,000). A service that
 * is not in the supergraph or does not answer is named in `unavailable`; the others are used.
 */
export async function fetchCoverage(gateway: GraphQLCaller, year: number, schoolIds: readonly string[]): Promise<CoverageAnswer> {
  const coverage: KindCoverage[] = [];
  const unavailable: string[] = [];
  if (!schoolIds.length) return { coverage, unavailable };
  for (const q of COVERAGE_QUERIES) {
    try {
      const d = await gateway.request<Record<string, Array<Omit<KindCoverage, 'lastWrittenAt'> & { lastWrittenAt: string | null }>>>(
        `query ImporterCoverage($year: Int!, $schools: [ID!]!) { c: ${q.field}(year: $year, schoolIds: $schools) { schoolId kind year records staleRecords lastWrittenAt issues { code count description } } }`,
        { year, schools: schoolIds },
      );
      coverage.push(...d.c.map((c) => ({ ...c, lastWrittenAt: c.lastWrittenAt ? new Date(c.lastWrittenAt) : null })));
    } catch (e) {
      if (!(e instanceof GatewayCallError)) throw e;
      if (e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED') throw e;
      unavailable.push(q.service);
    }
  }
  return { coverage, unavailable };
}

/** The most schools a coverage call takes. */
const COVERAGE_CHUNK = 1000;

/** fetchCoverage for any number of schools: a request a service per 1,000 schools. */
export async function fetchCoverageOfAll(gateway: GraphQLCaller, year: number, schoolIds: readonly string[]): Promise<CoverageAnswer> {
  const coverage: KindCoverage[] = [];
  const unavailable = new Set<string>();
  for (let i = 0; i < schoolIds.length; i += COVERAGE_CHUNK) {
    const part = await fetchCoverage(gateway, year, schoolIds.slice(i, i + COVERAGE_CHUNK));
    coverage.push(...part.coverage);
    part.unavailable.forEach((s) => unavailable.add(s));
  }
  return { coverage, unavailable: [...unavailable] };
}

/**
 * The yearly kinds each school sent nothing of for the year, from the services' coverage, in
 * YEARLY_KINDS order (a kind whose service did not answer is not listed: unknown is not a gap).
 */
export function missingYearlyKinds(answer: CoverageAnswer): ReadonlyMap<string, string[]> {
  const yearly = new Set<string>(YEARLY_KINDS);
  const out = new Map<string, string[]>();
  for (const c of answer.coverage) {
    if (c.records !== 0 || !yearly.has(c.kind)) continue;
    const list = out.get(c.schoolId) ?? [];
    list.push(c.kind);
    out.set(c.schoolId, list);
  }
  for (const list of out.values()) list.sort((a, b) => YEARLY_KINDS.indexOf(a as never) - YEARLY_KINDS.indexOf(b as never));
  return out;
}

/** One school's data quality for a year, from the services' coverage. */
export function schoolQuality(schoolId: string, year: number, answer: CoverageAnswer) {
  const kinds = answer.coverage.filter((c) => c.schoolId === schoolId);
  const issue = (kind: string, code: string) => {
    const k = kinds.find((c) => c.kind === kind);
    return k ? (k.issues.find((i) => i.code === code)?.count ?? 0) : null;
  };
  const missing = missingYearlyKinds({ coverage: kinds, unavailable: answer.unavailable }).get(schoolId) ?? [];
  return {
    kinds,
    missingKinds: missing,
    missingKindTitles: missing.map(kindTitle),
    staleRecords: kinds.reduce((n, c) => n + c.staleRecords, 0),
    teachersLackingNationalFields: issue('teachers', 'NATIONAL_FIELDS_MISSING'),
    unclassifiedSanctions: issue('violations', 'UNCLASSIFIED_SANCTIONS'),
    unavailable: answer.unavailable,
  };
}
