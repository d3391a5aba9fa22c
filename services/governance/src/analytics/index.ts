import { frozenFiguresResolver } from '@tw/kernel';
import { DistrictReportResolver } from './DistrictReport.resolver';
import { DistrictReportRef, SchoolReportRef } from './report-types';
import { SchoolMetricResolver } from './SchoolMetric.resolver';
import { SchoolReportResolver } from './SchoolReport.resolver';

export { createReportLoaders } from './report-loaders';
export type { ReportLoaders } from './report-loaders';

/** The analytics resolvers this service adds to its schema. */
// the frozen yearly figures (kernel frozen-reports): freezeDistrictReport's part here, and the revisions since
export const REPORT_RESOLVERS = [DistrictReportResolver, SchoolReportResolver, SchoolMetricResolver, frozenFiguresResolver({ prefix: 'governance', report: DistrictReportRef, requires: 'schoolCount' })] as const;
/** The personnel-owned report entities this service extends (their representations pass through: the kernel's EXTENDED_REPORT_REFERENCE_RESOLVERS). */
export const REPORT_TYPES = [DistrictReportRef, SchoolReportRef] as const;
