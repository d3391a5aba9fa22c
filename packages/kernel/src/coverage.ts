import { Arg, ClassType, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import { badInput, forbidden } from './errors';
import { BaseContext, requireRole } from './graphql/context';

@ObjectType({ description: 'Records of a school that have a data problem, of one kind' })
@Directive('@shareable')
export class CoverageIssue {
  @Field({ description: 'Stable code: NATIONAL_FIELDS_MISSING, UNCLASSIFIED_SANCTIONS…' }) code!: string;
  @Field(() => Int) count!: number;
  @Field({ description: 'What the code means, in Chinese' }) description!: string;
}

@ObjectType({
  description:
    'What a school has of one kind of record for a year, as the owning service stores it: how many records (0: the school sent none, a gap, not a zero), how many were not touched for over a year, and their data problems',
})
@Directive('@shareable')
export class KindCoverage {
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'The import kind the records come in (teachers, trainings, ethics, pay…; violations: the sanctions of the ethics files)' }) kind!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Records of the year at the school (for teachers: serving teachers now)' }) records!: number;
  @Field(() => Int, { description: 'Of those, records not written for more than a year' }) staleRecords!: number;
  @Field(() => Date, { nullable: true, description: 'When a record of them was last written' }) lastWrittenAt!: Date | null;
  @Field(() => [CoverageIssue]) issues!: CoverageIssue[];
}

/** One table a service counts for coverage: the kind it holds, how a record belongs to a year, and its problems as SQL conditions. */
export interface CoverageSource {
  readonly kind: string;
  readonly table: string;
  /** how a record belongs to the year: a year column, a date column (YYYY-MM-DD) or a month column (YYYY-MM); none: every record counts (the roster) */
  readonly year?: { readonly column: string; readonly form: 'year' | 'date' | 'month' };
  /** more conditions a record must meet to count (serving teachers), SQL over the table's columns */
  readonly where?: string;
  readonly issues?: ReadonlyArray<{ readonly code: string; readonly description: string; readonly when: string }>;
}

const DAY_MS = 86_400_000;

/** How the year limits a source's records, as SQL and its parameters (dates and months are text, so ranges work on both engines). */
function yearCondition(s: CoverageSource, year: number): [string, unknown[]] {
  if (!s.year) return ['1 = 1', []];
  const c = s.year.column;
  if (s.year.form === 'year') return [`${c} = ?`, [year]];
  if (s.year.form === 'date') return [`${c} >= ? AND ${c} <= ?`, [`${year}-01-01`, `${year}-12-31`]];
  return [`${c} >= ? AND ${c} <= ?`, [`${year}-01`, `${year}-12`]];
}

/** A datetime parameter both engines compare with a datetime column. */
const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/**
 * Counts, for a year and some schools, each source's records per school in one statement a source
 * (GROUP BY school_id): the statements do not grow with the schools or the records. A school with
 * no record of a kind gets a row with 0 (a gap).
 */
export async function countCoverage(ds: DataSource, sources: readonly CoverageSource[], year: number, schoolIds: readonly string[], now: Date): Promise<KindCoverage[]> {
  const staleBefore = stamp(new Date(now.getTime() - 365 * DAY_MS));
  const out: KindCoverage[] = [];
  for (const s of sources) {
    const [cond, params] = yearCondition(s, year);
    const issues = s.issues ?? [];
    const rows: Array<Record<string, unknown>> = await ds.query(
      `SELECT school_id, COUNT(*) AS n, SUM(CASE WHEN updated_at < ? THEN 1 ELSE 0 END) AS stale, MAX(updated_at) AS last${issues.map((i, k) => `, SUM(CASE WHEN ${i.when} THEN 1 ELSE 0 END) AS i${k}`).join('')}
       FROM ${s.table} WHERE ${cond}${s.where ? ` AND (${s.where})` : ''} AND school_id IN (${schoolIds.map(() => '?').join(', ')}) GROUP BY school_id`,
      [staleBefore, ...params, ...schoolIds],
    );
    const bySchool = new Map(rows.map((r) => [String(r.school_id), r]));
    for (const schoolId of schoolIds) {
      const r = bySchool.get(schoolId);
      const last = r?.last ? new Date(typeof r.last === 'string' && !r.last.endsWith('Z') ? `${r.last.replace(' ', 'T')}Z` : (r.last as Date)) : null;
      out.push({
        schoolId,
        kind: s.kind,
        year,
        records: Number(r?.n ?? 0),
        staleRecords: Number(r?.stale ?? 0),
        lastWrittenAt: last,
        issues: issues.map((i, k) => ({ code: i.code, description: i.description, count: Number(r?.[`i${k}`] ?? 0) })).filter((i) => i.count > 0),
      });
    }
  }
  return out;
}

/** What a service's context gives the coverage query: its data source. */
export interface CoverageContext extends BaseContext {
  readonly ds: DataSource;
}

/**
 * The query that says, per school and year, which kinds of record a service holds (the basis of
 * "this school sent nothing": a 0 that is a gap), named per service (personnelCoverage, …):
 * DISTRICT_ADMIN and ANALYST any schools (counts only), SCHOOL_ADMIN their own. The request's clock
 * (`ctx.clock`) answers what day it is, for “untouched for over a year”.
 * @example resolvers: [..., coverageResolver('governanceCoverage', 'governance', GOVERNANCE_COVERAGE)]
 */
export function coverageResolver(queryName: string, serviceTitle: string, sources: readonly CoverageSource[]): ClassType {
  @Resolver()
  class CoverageResolver {
    @Query(() => [KindCoverage], {
      name: queryName,
      description: `Per school, the ${serviceTitle} records of a year of each kind (${sources.map((s) => s.kind).join(', ')}): counts, records untouched for over a year, data problems. At most 1,000 schools a call (DISTRICT_ADMIN, ANALYST; SCHOOL_ADMIN their own school)`,
    })
    async coverage(@Arg('year', () => Int) year: number, @Arg('schoolIds', () => [ID]) schoolIds: string[], @Ctx() ctx: CoverageContext): Promise<KindCoverage[]> {
      const p = requireRole(ctx, 'DISTRICT_ADMIN', 'ANALYST', 'SCHOOL_ADMIN');
      if (schoolIds.length > 1000) throw badInput(`At most 1,000 schools a call; got ${schoolIds.length}`);
      if (p.role === 'SCHOOL_ADMIN' && schoolIds.some((id) => id !== p.schoolId)) throw forbidden(`A SCHOOL_ADMIN token reads only its own school's coverage (school ${p.schoolId})`);
      if (!schoolIds.length) return [];
      return countCoverage(ctx.ds, sources, year, [...new Set(schoolIds)], ctx.clock.now());
    }
  }
  return CoverageResolver;
}
