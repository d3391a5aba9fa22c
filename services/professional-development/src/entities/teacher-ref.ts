import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The personnel-owned Teacher, as this subgraph extends it: its key only. */
@ObjectType('Teacher')
@Directive('@key(fields: "id")')
export class TeacherRef {
  @Field(() => ID)
  id!: string;
}
