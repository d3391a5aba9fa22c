import { auditLogResolver, buildFederatedSchema, coverageResolver } from '@tw/kernel';
import { ReviewPolicyResolver, submissionResolvers, undoImportResolver } from '@tw/kernel';
import { VERSIONED } from './database';
import { TeacherTimelineResolver } from './resolvers/TeacherTimeline.resolver';
import { PERSONNEL_COVERAGE } from './coverage';
import { GraphQLSchema } from 'graphql';
import { HireResolver } from './resolvers/Hire.resolver';
import { QuotaResolver } from './resolvers/Quota.resolver';
import { RotationResolver } from './resolvers/Rotation.resolver';
import { resolveSchoolReference } from './resolvers/School.reference';
import { SchoolResolver } from './resolvers/School.resolver';
import { resolveTeacherReference } from './resolvers/Teacher.reference';
import { TeacherResolver } from './resolvers/Teacher.resolver';
import { CompletenessResolver } from './resolvers/Completeness.resolver';
// last: the report types register after the service's own, so the SDL prints in the same order whatever compiles it
import { REPORT_REFERENCE_RESOLVERS, REPORT_RESOLVERS } from './analytics';

/** The personnel subgraph schema (no server, no database). */
export function buildPersonnelSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [SchoolResolver, TeacherResolver, CompletenessResolver, TeacherTimelineResolver, undoImportResolver('personnelUndoImport', 'personnel', VERSIONED), QuotaResolver, HireResolver, RotationResolver, auditLogResolver('personnelAuditLog', 'personnel'), ...submissionResolvers('personnel'), ReviewPolicyResolver, coverageResolver('personnelCoverage', 'personnel', PERSONNEL_COVERAGE), ...REPORT_RESOLVERS],
    referenceResolvers: {
      Teacher: { __resolveReference: resolveTeacherReference },
      School: { __resolveReference: resolveSchoolReference },
      ...REPORT_REFERENCE_RESOLVERS,
    },
  });
}
