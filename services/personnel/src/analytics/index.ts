import { districtFreezeResolver } from '@tw/kernel';
import { DistrictReportResolver, resolveDistrictReportReference } from './DistrictReport.resolver';
import { DistrictReport } from './district-report.type';
import { RosterCountsResolver } from './RosterCounts.resolver';
import { SchoolComparisonResolver } from './SchoolComparison.resolver';
import { resolveSchoolReportReference, SchoolReportFieldResolver, SchoolReportResolver } from './SchoolReport.resolver';

export { createReportLoaders } from './report-loaders';
export { gatewayReportPeers, unreachablePeers } from './report-peers';
export type { ReportPeers } from './report-peers';
export type { PersonnelReports } from './report-context';

/** The analytics resolvers personnel adds to its schema. */
export const REPORT_RESOLVERS = [DistrictReportResolver, SchoolReportResolver, SchoolReportFieldResolver, SchoolComparisonResolver, RosterCountsResolver, districtFreezeResolver(DistrictReport)] as const;

/** The report entities personnel owns, resolved by key. */
export const REPORT_REFERENCE_RESOLVERS = {
  DistrictReport: { __resolveReference: resolveDistrictReportReference },
  SchoolReport: { __resolveReference: resolveSchoolReportReference },
};
