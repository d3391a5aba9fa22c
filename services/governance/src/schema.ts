import { auditLogResolver, buildFederatedSchema, coverageResolver, missingYearlyRecordsResolver, EXTENDED_REPORT_REFERENCE_RESOLVERS, teacherHistoryResolver, submissionResolvers } from '@tw/kernel';
import { undoImportResolver } from '@tw/kernel';
import { VERSIONED } from './database';
import { GOVERNANCE_COVERAGE, GOVERNANCE_YEARLY_RECORDS } from './coverage';
import { GraphQLSchema } from 'graphql';
import './codes';
import { SchoolRef } from './entities/school-ref';
import { TeacherRef } from './entities/teacher-ref';
import { AppraisalResolver } from './resolvers/Appraisal.resolver';
import { AwardResolver } from './resolvers/Award.resolver';
import { EligibilityResolver } from './resolvers/Eligibility.resolver';
import { EthicsAssessmentResolver } from './resolvers/EthicsAssessment.resolver';
import { GovernanceSummaryResolver } from './resolvers/GovernanceSummary.resolver';
import { InspectionResolver } from './resolvers/Inspection.resolver';
import { NegativeListItemResolver } from './resolvers/NegativeListItem.resolver';
import { PrincipalRankResolver } from './resolvers/PrincipalRank.resolver';
import { SchoolResolver } from './resolvers/School.resolver';
import { SchoolReformResolver } from './resolvers/SchoolReform.resolver';
import { TeacherResolver } from './resolvers/Teacher.resolver';
import { ViolationResolver } from './resolvers/Violation.resolver';
// last: the report types register after the service's own, so the SDL prints in the same order whatever compiles it
import { REPORT_RESOLVERS, REPORT_TYPES } from './analytics';

/** The governance subgraph schema (no server, no database). */
export function buildGovernanceSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      TeacherResolver,
      missingYearlyRecordsResolver('governanceMissingRecords', TeacherRef, GOVERNANCE_YEARLY_RECORDS),
      SchoolResolver,
      EligibilityResolver,
      EthicsAssessmentResolver,
      ViolationResolver,
      NegativeListItemResolver,
      AppraisalResolver,
      AwardResolver,
      PrincipalRankResolver,
      SchoolReformResolver,
      InspectionResolver,
      GovernanceSummaryResolver,
      auditLogResolver('governanceAuditLog', 'governance'), ...submissionResolvers('governance'),
      undoImportResolver('governanceUndoImport', 'governance', VERSIONED),
      teacherHistoryResolver('governanceTeacherHistory', 'governance', [{ table: 'ethics_assessment', teacherColumn: 'teacher_id' }, { table: 'violation', teacherColumn: 'teacher_id' }, { table: 'appraisal', teacherColumn: 'teacher_id' }, { table: 'award', teacherColumn: 'teacher_id' }, { table: 'principal_rank', teacherColumn: 'teacher_id' }]),
      coverageResolver('governanceCoverage', 'governance', GOVERNANCE_COVERAGE),
      ...REPORT_RESOLVERS,
    ],
    orphanedTypes: [TeacherRef, SchoolRef, ...REPORT_TYPES],
    referenceResolvers: {
      // the representation carries the key and, where a field @requires it, school { id }
      Teacher: { __resolveReference: (ref: TeacherRef) => ref },
      School: { __resolveReference: (ref: SchoolRef) => ref },
      ...EXTENDED_REPORT_REFERENCE_RESOLVERS,
    },
  });
}
