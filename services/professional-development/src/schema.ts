import { buildFederatedSchema } from '@tw/kernel';
import { GraphQLSchema } from 'graphql';
import { SchoolRef } from './entities/school-ref';
import { TeacherRef } from './entities/teacher-ref';
import { TeacherResolver } from './resolvers/Teacher.resolver';

/** The professional-development subgraph schema (no server, no database). */
export function buildProfessionalDevelopmentSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [TeacherResolver],
    orphanedTypes: [TeacherRef, SchoolRef],
    referenceResolvers: {
      // the representation carries the key and, where a field @requires it, school { id }
      Teacher: { __resolveReference: (ref: TeacherRef) => ref },
      School: { __resolveReference: (ref: SchoolRef) => ref },
    },
  });
}
