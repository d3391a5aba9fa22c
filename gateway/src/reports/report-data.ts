import type { FigureCatalogue } from './figures';

/** What the workbook is made of: the district report and every school's row, as the caller may read them. */
export interface ReportData {
  readonly year: number;
  readonly sinceYear: number;
  readonly report: Readonly<Record<string, unknown>>;
  /** the standing freeze of the year: the figures are its (official) values */
  readonly frozen: { readonly frozenAt: string; readonly frozenBy: string } | null;
  readonly schools: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** A request the export cannot answer, with the HTTP status to answer it with. */
export class ReportRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReportRequestError';
  }
}

export interface ReportRequest {
  /** the gateway's own /graphql */
  readonly gatewayUrl: string;
  /** the caller's Authorization header, passed on as is: the export sees what the caller may see */
  readonly authorization: string;
  readonly year: number;
  readonly sinceYear?: number;
  readonly orderBy?: string;
  readonly direction?: 'ASC' | 'DESC';
  readonly timeoutMs?: number;
}

/** Schools per page of the comparison: the gateway's largest page, so a province of 2,000 schools is two requests. */
const PAGE = 1000;
/** More pages than a province has schools: a loop that does not end is a bug, not a district. */
const MAX_PAGES = 100;

/** What each figure is asked as: its field, a breakdown's item selection, and the flags that say a value is withheld. */
function selection(figures: FigureCatalogue['district']): string {
  const withheld = [...new Set(figures.flatMap((f) => (f.withheldBy ? [f.withheldBy] : [])))];
  return [...withheld, ...figures.map((f) => (f.breakdown ? `${f.field} ${f.breakdown.selection}` : f.field))].join(' ');
}

/** The two queries the export asks, made from the figures the supergraph declares. */
export function reportQueries(figures: FigureCatalogue): { report: string; comparison: string } {
  return {
    report: `query DistrictReportExport($year: Int!, $sinceYear: Int) {
  districtReport(year: $year, sinceYear: $sinceYear) { year sinceYear ${selection(figures.district)}${figures.dataGaps ? ' dataGaps { kind kindTitle schools { code name } }' : ''}${figures.frozen ? ' frozen { frozenAt frozenBy }' : ''} }
}`,
    comparison: `query SchoolComparisonExport($year: Int!, $sinceYear: Int, $orderBy: SchoolReportMetric, $direction: SortDirection, $first: Int, $after: String) {
  schoolComparison(year: $year, sinceYear: $sinceYear, orderBy: $orderBy, direction: $direction, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { schoolId school { code name sponsor } ${selection(figures.school)}${figures.dataGaps ? ' missingKinds' : ''} }
  }
}`,
  };
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, GRAPHQL_VALIDATION_FAILED: 400 };

async function ask<D>(r: ReportRequest, query: string, variables: Record<string, unknown>): Promise<D> {
  let res: Response;
  try {
    res = await fetch(r.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: r.authorization },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(r.timeoutMs ?? 60_000),
    });
  } catch (e) {
    throw new ReportRequestError(502, 'UNAVAILABLE', `The gateway could not be asked for the report: ${(e as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as { data?: D; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length || !body.data) {
    // a workbook with holes would read as zeros: any error fails the export
    const code = body.errors?.[0]?.extensions?.code ?? 'UNAVAILABLE';
    throw new ReportRequestError(STATUS_OF[code] ?? 502, code, body.errors?.map((e) => e.message).join('; ') ?? `The gateway answered HTTP ${res.status}`);
  }
  return body.data;
}

/**
 * The district report and the whole school comparison of a year, asked of the gateway with the
 * caller's token: the report in one request, the comparison a page of 1,000 schools at a time.
 */
export async function fetchReportData(r: ReportRequest, figures: FigureCatalogue): Promise<ReportData> {
  const queries = reportQueries(figures);
  const base = { year: r.year, sinceYear: r.sinceYear ?? null };
  const comparison = async () => {
    const schools: Array<Record<string, unknown>> = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      if (page >= MAX_PAGES) throw new ReportRequestError(502, 'TOO_MANY_PAGES', `The school comparison did not end after ${MAX_PAGES} pages`);
      const data: { schoolComparison: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<Record<string, unknown>> } } = await ask(r, queries.comparison, {
        ...base,
        orderBy: r.orderBy ?? 'SCHOOL_CODE',
        direction: r.direction ?? 'ASC',
        first: PAGE,
        after,
      });
      schools.push(...data.schoolComparison.nodes);
      if (!data.schoolComparison.pageInfo.hasNextPage) return schools;
      after = data.schoolComparison.pageInfo.endCursor;
    }
  };
  // both at once; either failing fails the export (and neither failure goes unheard)
  const [{ districtReport }, schools] = await Promise.all([ask<{ districtReport: Record<string, unknown> }>(r, queries.report, base), comparison()]);
  const frozen = (districtReport.frozen as ReportData['frozen'] | undefined) ?? null;
  return { year: Number(districtReport.year), sinceYear: Number(districtReport.sinceYear), report: districtReport, frozen, schools };
}
