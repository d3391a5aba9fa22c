import { buildFederatedSchema } from '@tw/kernel';
import { GraphQLSchema } from 'graphql';
import { SchoolRef } from './entities/school-ref';
import { TeacherRef } from './entities/teacher-ref';
import { TeacherResolver } from './resolvers/Teacher.resolver';

/** The compensation subgraph schema (no server, no database). */
export function buildCompensationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [TeacherResolver],
    orphanedTypes: [TeacherRef, SchoolRef],
    referenceResolvers: {
      Teacher: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      School: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  });
}
