import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The personnel-owned School, as this subgraph extends it: its key only. */
@ObjectType('School')
@Directive('@key(fields: "id")')
export class SchoolRef {
  @Field(() => ID)
  id!: string;
}

export const schoolRef = (id: string): SchoolRef => Object.assign(new SchoolRef(), { id });
