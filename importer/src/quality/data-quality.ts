import { KindCoverage } from '@tw/kernel';
import { GatewayCallError, GraphQLCaller } from '../jobs/gateway-caller';
import { kindSpec } from '../kinds';

/** Each service's coverage query, as the supergraph names it. */
const COVERAGE_QUERIES = [
  { service: 'personnel', field: 'personnelCoverage' },
  { service: 'professional-development', field: 'developmentCoverage' },
  { service: 'compensation', field: 'compensationCoverage' },
  { service: 'governance', field: 'governanceCoverage' },
] as const;

/**
 * The kinds every school is expected to send each year: a year of a school without them is a gap,
 * not a zero (no serving teacher, no training, no ethics assessment, no appraisal, no pay).
 */
export const YEARLY_KINDS = ['teachers', 'trainings', 'ethics', 'appraisals', 'pay'] as const;

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

/** One school's data quality for a year, from the services' coverage. */
export function schoolQuality(schoolId: string, year: number, answer: CoverageAnswer) {
  const kinds = answer.coverage.filter((c) => c.schoolId === schoolId);
  const issue = (kind: string, code: string) => {
    const k = kinds.find((c) => c.kind === kind);
    return k ? (k.issues.find((i) => i.code === code)?.count ?? 0) : null;
  };
  const missing = YEARLY_KINDS.filter((k) => kinds.some((c) => c.kind === k && c.records === 0));
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
