import { DistrictReportResolver, resolveDistrictReportReference } from './DistrictReport.resolver';
import { DistrictReportRef, SchoolReportRef } from './report-types';
import { SchoolMetricResolver } from './SchoolMetric.resolver';
import { resolveSchoolReportReference, SchoolReportResolver } from './SchoolReport.resolver';

export { createReportLoaders } from './report-loaders';
export type { ReportLoaders } from './report-loaders';
export { gatewayDesignatedRoster } from './designated-roster';
export type { DesignatedRoster } from './designated-roster';

/** The analytics resolvers this service adds to its schema. */
export const REPORT_RESOLVERS = [DistrictReportResolver, SchoolReportResolver, SchoolMetricResolver] as const;
/** The personnel-owned report entities this service extends. */
export const REPORT_TYPES = [DistrictReportRef, SchoolReportRef] as const;
export const REPORT_REFERENCE_RESOLVERS = {
  DistrictReport: { __resolveReference: resolveDistrictReportReference },
  SchoolReport: { __resolveReference: resolveSchoolReportReference },
};
