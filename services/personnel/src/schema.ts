import { buildFederatedSchema } from '@tw/kernel';
import { GraphQLSchema } from 'graphql';
import { HireResolver } from './resolvers/Hire.resolver';
import { QuotaResolver } from './resolvers/Quota.resolver';
import { RotationResolver } from './resolvers/Rotation.resolver';
import { resolveSchoolReference } from './resolvers/School.reference';
import { SchoolResolver } from './resolvers/School.resolver';
import { resolveTeacherReference } from './resolvers/Teacher.reference';
import { TeacherResolver } from './resolvers/Teacher.resolver';

/** The personnel subgraph schema (no server, no database). */
export function buildPersonnelSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [SchoolResolver, TeacherResolver, QuotaResolver, HireResolver, RotationResolver],
    referenceResolvers: {
      Teacher: { __resolveReference: resolveTeacherReference },
      School: { __resolveReference: resolveSchoolReference },
    },
  });
}
