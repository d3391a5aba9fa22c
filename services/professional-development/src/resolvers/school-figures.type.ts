import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A school's professional-development figures for a year. Each counts the records that carry the
 * school: the teacher's school when the record was written.
 */
@ObjectType({ description: "A school's professional-development figures for a year, computed from the records (by the teacher's school when each was written)" })
export class SchoolDevelopmentFigures {
  @Field(() => ID) schoolId!: string;
  @Field(() => Int) year!: number;

  static of(schoolId: string, year: number): SchoolDevelopmentFigures {
    return Object.assign(new SchoolDevelopmentFigures(), { schoolId, year });
  }
}
