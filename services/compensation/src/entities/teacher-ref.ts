import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SchoolRef } from './school-ref';

/**
 * The personnel-owned Teacher, as this subgraph extends it: its key, and the school personnel
 * holds for it now (external), which the personal fields @require to decide who may read them.
 */
@ObjectType('Teacher')
@Directive('@key(fields: "id")')
export class TeacherRef {
  @Field(() => ID)
  id!: string;

  /** present in the representations of fields that @require it */
  @Field(() => SchoolRef)
  @Directive('@external')
  school?: SchoolRef;
}
