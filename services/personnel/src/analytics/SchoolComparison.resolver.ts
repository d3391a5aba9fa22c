import { ConnectionType, PageArgs, pageSize, requireReportReader, requireYear, sinceYearOf } from '@tw/kernel';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { School } from '../entities/school.entity';
import { PersonnelContext } from '../context';
import { comparisonCursor, pageOf } from './comparison-order';
import { ComparedSchool, comparisonValues } from './comparison-values';
import { SchoolReportMetric, SortDirection } from './metrics';
import { SchoolReport } from './school-report.type';

export const SchoolReportConnection = ConnectionType(SchoolReport, 'SchoolReport');

@Resolver()
export class SchoolComparisonResolver {
  @Query(() => SchoolReportConnection, {
    description:
      "Every school's yearly figures, ordered by any figure in either direction, a page at a time (DISTRICT_ADMIN and ANALYST: every school; SCHOOL_ADMIN: their school's row only). " +
      'Schools without the figure (withheld from this reader, or not applicable) come last.',
  })
  async schoolComparison(
    @Arg('year', () => Int) year: number,
    @Arg('sinceYear', () => Int, { nullable: true, description: 'First year of newDesignations (default: year)' }) sinceYear: number | null,
    @Arg('orderBy', () => SchoolReportMetric, { defaultValue: 'SCHOOL_CODE' }) orderBy: SchoolReportMetric,
    @Arg('direction', () => SortDirection, { defaultValue: 'ASC' }) direction: SortDirection,
    @Args() page: PageArgs,
    @Ctx() ctx: PersonnelContext,
  ) {
    const reader = requireReportReader(ctx);
    requireYear(year);
    const since = sinceYearOf(year, sinceYear);
    const size = pageSize(page.first);
    const qb = ctx.ds.getRepository(School).createQueryBuilder('s').select(['s.id', 's.code', 's.name']);
    if (reader.role === 'SCHOOL_ADMIN') qb.where('s.id = :own', { own: reader.schoolId });
    const schools: ComparedSchool[] = (await qb.getMany()).map((s) => ({ id: s.id, code: s.code, name: s.name }));
    const values = schools.length ? await comparisonValues({ ds: ctx.ds, peers: ctx.reports.peers, reader }, orderBy, year, since, schools, reader.role !== 'SCHOOL_ADMIN') : new Map();
    const ranked = schools.map((s) => ({ schoolId: s.id, code: s.code, value: values.get(s.id) ?? null }));
    const { rows, hasNextPage } = pageOf(ranked, orderBy, direction, size, page.after);
    const edges = rows.map((r) => ({ cursor: comparisonCursor(orderBy, direction, r), node: SchoolReport.of(r.schoolId, year, since) }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      totalCount: schools.length,
    };
  }
}
