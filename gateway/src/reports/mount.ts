import type { IRouter, Request, Response } from 'express';
import type { FigureCatalogue } from './figures';
import { fetchReportData, ReportRequestError } from './report-data';
import { writeReportWorkbook } from './workbook';

export interface ReportsOptions {
  /**
   * the gateway's /graphql, which the export asks with the caller's token; a function when the URL is
   * known only once the gateway listens (port 0), e.g. `() => handle.url`
   */
  readonly gatewayUrl: string | (() => string);
  /** the figures the services declare in the supergraph the gateway serves: `readFigures(supergraphSdl)` */
  readonly figures: FigureCatalogue;
  readonly timeoutMs?: number;
}

const YEAR = /^\d{4}$/;
const METRIC = /^[A-Z_]{1,60}$/;

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The file's name: ASCII for old clients, Chinese (RFC 5987) for the rest. */
function disposition(year: number): string {
  return `attachment; filename="district-report-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年度教师队伍建设报表.xlsx`)}`;
}

/**
 * `GET /reports/figures`: every figure of the report with its definition, as JSON (no token: it tells
 * what the figures count, nothing of the records). `GET /reports/district/:year.xlsx` (`?sinceYear=2021&orderBy=TEACHER_COUNT&direction=DESC`): the
 * year's district report and school comparison as a workbook, made from what the caller's token may
 * read through the gateway (an ANALYST's has the small groups withheld; a SCHOOL_ADMIN's one school).
 * Both are made from the figures the services declare in the supergraph.
 * @example mountReports(app, { gatewayUrl: 'http://127.0.0.1:4000/graphql', figures: readFigures(supergraphSdl) }) // or { gatewayUrl: () => url } when the port is picked at listen
 */
export function mountReports(app: IRouter, o: ReportsOptions): void {
  const { figures } = o;
  app.get('/reports/figures', (_req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-cache');
    res.json({ groups: figures.groups, notes: figures.notes, figures: figures.all });
  });
  app.get('/reports/district/:year.xlsx', async (req: Request, res: Response) => {
    const authorization = req.header('authorization');
    if (!authorization) return refuse(res, 401, 'UNAUTHENTICATED', 'The export needs the bearer token of the person asking (Authorization: Bearer …)');
    const year = String(req.params.year);
    if (!YEAR.test(year)) return refuse(res, 400, 'BAD_USER_INPUT', `The year must be four digits, e.g. /reports/district/2025.xlsx; got "${year}"`);
    const { sinceYear, orderBy, direction } = req.query;
    if (sinceYear !== undefined && !(typeof sinceYear === 'string' && YEAR.test(sinceYear))) return refuse(res, 400, 'BAD_USER_INPUT', 'sinceYear must be a year of four digits');
    if (orderBy !== undefined && !(typeof orderBy === 'string' && METRIC.test(orderBy))) return refuse(res, 400, 'BAD_USER_INPUT', 'orderBy must name a SchoolReportMetric');
    if (direction !== undefined && direction !== 'ASC' && direction !== 'DESC') return refuse(res, 400, 'BAD_USER_INPUT', 'direction must be ASC or DESC');
    let data;
    try {
      data = await fetchReportData({
        gatewayUrl: typeof o.gatewayUrl === 'function' ? o.gatewayUrl() : o.gatewayUrl,
        authorization,
        year: Number(year),
        sinceYear: sinceYear === undefined ? undefined : Number(sinceYear),
        orderBy: orderBy as string | undefined,
        direction: direction as 'ASC' | 'DESC' | undefined,
        timeoutMs: o.timeoutMs,
      }, figures);
    } catch (e) {
      if (e instanceof ReportRequestError) return refuse(res, e.status, e.code, e.message);
      throw e;
    }
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', disposition(data.year));
    res.setHeader('cache-control', 'no-store');
    try {
      await writeReportWorkbook(res, figures, data);
    } catch (e) {
      // the headers are gone: all that is left is to cut the download short, so it is not mistaken for a whole file
      res.destroy(e as Error);
    }
  });
}
