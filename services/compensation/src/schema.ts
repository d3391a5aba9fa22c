import { auditLogResolver, buildFederatedSchema, coverageResolver, missingYearlyRecordsResolver, EXTENDED_REPORT_REFERENCE_RESOLVERS, teacherHistoryResolver, submissionResolvers } from '@tw/kernel';
import { undoImportResolver } from '@tw/kernel';
import { VERSIONED } from './database';
import { GraphQLSchema } from 'graphql';
import { COMPENSATION_COVERAGE, COMPENSATION_YEARLY_RECORDS } from './coverage';
import { SchoolRef } from './entities/school-ref';
import { TeacherRef } from './entities/teacher-ref';
import { CivilServantBenchmarkResolver } from './resolvers/CivilServantBenchmark.resolver';
import { PayParityResolver } from './resolvers/PayParity.resolver';
import { PayRecordResolver } from './resolvers/PayRecord.resolver';
import { PerformancePayResolver } from './resolvers/PerformancePay.resolver';
import { SchoolResolver } from './resolvers/School.resolver';
import { TalentRecordResolver } from './resolvers/TalentRecord.resolver';
import { TalentTotalsResolver } from './resolvers/TalentTotals.resolver';
import { TeacherResolver } from './resolvers/Teacher.resolver';
// last: the report types register after the service's own, so the SDL prints in the same order whatever compiles it
import { REPORT_RESOLVERS, REPORT_TYPES } from './analytics';

/** The compensation subgraph schema (no server, no database). */
export function buildCompensationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      auditLogResolver('compensationAuditLog', 'compensation'), ...submissionResolvers('compensation'),
      undoImportResolver('compensationUndoImport', 'compensation', VERSIONED),
      teacherHistoryResolver('compensationTeacherHistory', 'compensation', [{ table: 'pay_record', teacherColumn: 'teacher_id' }, { table: 'talent_record', teacherColumn: 'teacher_id' }]),
      coverageResolver('compensationCoverage', 'compensation', COMPENSATION_COVERAGE),
      TeacherResolver,
      missingYearlyRecordsResolver('compensationMissingRecords', TeacherRef, COMPENSATION_YEARLY_RECORDS),
      SchoolResolver,
      PayRecordResolver,
      TalentRecordResolver,
      PayParityResolver,
      PerformancePayResolver,
      TalentTotalsResolver,
      CivilServantBenchmarkResolver,
      ...REPORT_RESOLVERS,
    ],
    orphanedTypes: [TeacherRef, SchoolRef, ...REPORT_TYPES],
    referenceResolvers: {
      // the representation carries the key and, where a field @requires it, school { id }: nothing to load
      Teacher: { __resolveReference: (ref: TeacherRef) => ref },
      School: { __resolveReference: (ref: SchoolRef) => ref },
      ...EXTENDED_REPORT_REFERENCE_RESOLVERS,
    },
  });
}
