import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType('TeacherGroupInput', { description: 'Teachers a service asks personnel to count, under a label of its own' })
export class TeacherGroupInput {
  @Field({ description: 'The label the counts come back under' }) key!: string;
  @Field(() => [ID]) teacherIds!: string[];
}

@ObjectType('SchoolRosterCount', { description: 'Of a group of teachers a service asked about, those serving now at one school' })
export class SchoolRosterCount {
  @Field({ description: 'The group’s label' }) key!: string;
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'Whether the school is public (公办)' }) public!: boolean;
  @Field(() => Int, { description: 'Of the group, how many serve at the school now (在本单位任职 or 暂未在本单位任职)' }) teachers!: number;
  @Field(() => Int, { description: 'How many of those are party members (中国共产党党员 or 预备党员)' }) partyMembers!: number;
}
