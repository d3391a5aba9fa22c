import { Resolver } from 'type-graphql';
import { TeacherRef } from '../entities/teacher-ref';

/** The fields this subgraph adds to Teacher. */
@Resolver(() => TeacherRef)
export class TeacherResolver {}
