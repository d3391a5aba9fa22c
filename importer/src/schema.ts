import { UndoImportResolver } from './graphql/UndoImport.resolver';
import { auditLogResolver, buildFederatedSchema } from '@tw/kernel';
import { GraphQLSchema } from 'graphql';
import { DataQualityResolver } from './graphql/DataQuality.resolver';
import { ImportJobResolver } from './graphql/ImportJob.resolver';
import { ImportMappingResolver } from './graphql/ImportMapping.resolver';

/**
 * The importer subgraph (no server, no database): importJob(id) and importJobs, the kinds and the
 * column mappings schools set, the data-quality view, and its audit log.
 */
export function buildImporterSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ImportJobResolver, ImportMappingResolver, DataQualityResolver, UndoImportResolver, auditLogResolver('importerAuditLog', 'importer')] });
}
