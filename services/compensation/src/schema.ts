import { buildFederatedSchema } from '@tw/kernel';
import { GraphQLSchema } from 'graphql';
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

/** The compensation subgraph schema (no server, no database). */
export function buildCompensationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      TeacherResolver,
      SchoolResolver,
      PayRecordResolver,
      TalentRecordResolver,
      PayParityResolver,
      PerformancePayResolver,
      TalentTotalsResolver,
      CivilServantBenchmarkResolver,
    ],
    orphanedTypes: [TeacherRef, SchoolRef],
    referenceResolvers: {
      // the representation carries the key and, where a field @requires it, school { id }: nothing to load
      Teacher: { __resolveReference: (ref: TeacherRef) => ref },
      School: { __resolveReference: (ref: SchoolRef) => ref },
    },
  });
}
