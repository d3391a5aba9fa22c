import { LocalDate } from '@tw/kernel';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType('TeacherGroupInput', { description: 'Teachers a service asks personnel to count, under a label of its own' })
export class TeacherGroupInput {
  @Field({ description: 'The label the counts come back under' }) key!: string;
  @Field(() => [ID]) teacherIds!: string[];
  @Field(() => LocalDate, { nullable: true, description: 'The day the group is counted on, where and as what the teachers were then (default: today in China); a year\'s figures pass its statistics day' })
  asOf?: string | null;
}

@ObjectType('SchoolRosterCount', { description: 'Of a group of teachers a service asked about, those serving on the group\'s day at one school' })
export class SchoolRosterCount {
  @Field({ description: 'The group’s label' }) key!: string;
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'Whether the school is public (公办)' }) public!: boolean;
  @Field(() => Int, { description: 'Of the group, how many served at the school on the group’s day (在本单位任职 or 暂未在本单位任职)' }) teachers!: number;
  @Field(() => Int, { description: 'How many of those are party members (中国共产党党员 or 预备党员)' }) partyMembers!: number;
}
