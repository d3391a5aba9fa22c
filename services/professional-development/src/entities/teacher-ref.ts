import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SchoolRef } from './school-ref';

/**
 * The personnel-owned Teacher, as this subgraph extends it: the key, and the teacher's school as
 * personnel holds it now (external), which the personal fields require to decide who may read them.
 */
@ObjectType('Teacher')
@Directive('@key(fields: "id")')
export class TeacherRef {
  @Field(() => ID)
  id!: string;

  /** present in representations when a field @requires it; never resolved here */
  @Field(() => SchoolRef)
  @Directive('@external')
  school?: SchoolRef;
}

export const teacherRef = (id: string): TeacherRef => Object.assign(new TeacherRef(), { id });
