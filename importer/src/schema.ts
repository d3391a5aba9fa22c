import { auditLogResolver, buildFederatedSchema, EXTENDED_REPORT_REFERENCE_RESOLVERS } from '@tw/kernel';
import { GraphQLSchema } from 'graphql';
import { DataGapSchool, DistrictReportGaps, DistrictReportGapsResolver, SchoolReportGaps, SchoolReportGapsResolver } from './graphql/DataGaps.resolver';
import { DataQualityResolver } from './graphql/DataQuality.resolver';
import { ImportJobResolver } from './graphql/ImportJob.resolver';
import { ImportMappingResolver } from './graphql/ImportMapping.resolver';

/**
 * The importer subgraph (no server, no database): importJob(id) and importJobs, the kinds and the
 * column mappings schools set, the data-quality view and the data gaps of the yearly report (DistrictReport.dataGaps,
 * SchoolReport.missingKinds), and its audit log.
 */
export function buildImporterSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ImportJobResolver, ImportMappingResolver, DataQualityResolver, DistrictReportGapsResolver, SchoolReportGapsResolver, auditLogResolver('importerAuditLog', 'importer')],
    orphanedTypes: [DistrictReportGaps, SchoolReportGaps, DataGapSchool],
    referenceResolvers: EXTENDED_REPORT_REFERENCE_RESOLVERS,
  });
}
