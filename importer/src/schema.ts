import { buildFederatedSchema } from '@tw/kernel';
import { GraphQLSchema } from 'graphql';
import { ImportJobResolver } from './graphql/ImportJob.resolver';

/** The importer subgraph: importJob(id) and importJobs (no server, no database). */
export function buildImporterSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ImportJobResolver] });
}
