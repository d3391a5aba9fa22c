import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SchoolRef } from './school-ref';

/**
 * The personnel-owned Teacher, as this subgraph extends it: the key, and the teacher's school
 * (owned by personnel, fetched by the gateway for the fields that `@requires` it to decide access).
 */
@ObjectType('Teacher')
@Directive('@key(fields: "id")')
export class TeacherRef {
  @Field(() => ID)
  id!: string;

  @Field(() => SchoolRef)
  @Directive('@external')
  school?: SchoolRef;
}
