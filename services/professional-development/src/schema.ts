import { auditLogResolver, buildFederatedSchema, coverageResolver, EXTENDED_REPORT_REFERENCE_RESOLVERS, teacherHistoryResolver, submissionResolvers } from '@tw/kernel';
import { undoImportResolver } from '@tw/kernel';
import { VERSIONED } from './database';
import { GraphQLSchema } from 'graphql';
import { DEVELOPMENT_COVERAGE } from './coverage';
import { SchoolRef } from './entities/school-ref';
import { TeacherRef } from './entities/teacher-ref';
import { DesignatedTeacherResolver, DesignationResolver } from './resolvers/Designation.resolver';
import { LessonResolver } from './resolvers/Lesson.resolver';
import { MentoringPairResolver } from './resolvers/MentoringPair.resolver';
import { SchoolResolver } from './resolvers/School.resolver';
import { SchoolDevelopmentFiguresResolver } from './resolvers/SchoolDevelopmentFigures.resolver';
import { StudioResolver } from './resolvers/Studio.resolver';
import { TeacherResolver } from './resolvers/Teacher.resolver';
import { TrainingParticipationResolver } from './resolvers/TrainingParticipation.resolver';
import { TrainingProgrammeResolver } from './resolvers/TrainingProgramme.resolver';
// last: the report types register after the service's own, so the SDL prints in the same order whatever compiles it
import { REPORT_RESOLVERS, REPORT_TYPES } from './analytics';

/** The professional-development subgraph schema (no server, no database). */
export function buildProfessionalDevelopmentSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      auditLogResolver('professionalDevelopmentAuditLog', 'professional-development'), ...submissionResolvers('professionalDevelopment'),
      undoImportResolver('developmentUndoImport', 'professional-development', VERSIONED),
      teacherHistoryResolver('developmentTeacherHistory', 'professional-development', [
        { table: 'training_participation', teacherColumn: 'teacher_id' }, { table: 'designation', teacherColumn: 'teacher_id' }, { table: 'studio', teacherColumn: 'host_teacher_id' }, { table: 'studio_member', teacherColumn: 'teacher_id' }, { table: 'lesson', teacherColumn: 'teacher_id' }, { table: 'mentoring_pair', teacherColumn: 'mentee_id' }, { table: 'mentoring_pair', teacherColumn: 'mentor_id' },
      ]),
      coverageResolver('developmentCoverage', 'professional-development', DEVELOPMENT_COVERAGE),
      TeacherResolver,
      SchoolResolver,
      SchoolDevelopmentFiguresResolver,
      TrainingProgrammeResolver,
      TrainingParticipationResolver,
      DesignationResolver,
      DesignatedTeacherResolver,
      StudioResolver,
      LessonResolver,
      MentoringPairResolver,
      ...REPORT_RESOLVERS,
    ],
    orphanedTypes: [TeacherRef, SchoolRef, ...REPORT_TYPES],
    referenceResolvers: {
      // the representation carries the key and, where a field @requires it, school { id }: the
      // fields read both from it, so it passes through unchanged
      Teacher: { __resolveReference: (ref: TeacherRef) => ref },
      School: { __resolveReference: (ref: SchoolRef) => ref },
      ...EXTENDED_REPORT_REFERENCE_RESOLVERS,
    },
  });
}
