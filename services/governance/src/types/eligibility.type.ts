import { graphqlEnum } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ELIGIBILITY_PURPOSE, EligibilityPurpose } from '../codes';

@ObjectType({ description: 'Whether a teacher may be considered for one purpose in a year, and why not' })
export class PurposeEligibility {
  @Field(() => graphqlEnum(ELIGIBILITY_PURPOSE)) purpose!: EligibilityPurpose;
  @Field() eligible!: boolean;
  @Field(() => [String], { description: 'Why not (Chinese), naming the violation date, sanction and period, or the ethics result; empty when eligible' })
  reasons!: string[];
}

@ObjectType({ description: 'A teacher’s eligibility in a year under the one-vote veto (一票否决)' })
export class TeacherEligibility {
  @Field(() => ID) teacherId!: string;
  @Field(() => Int) year!: number;
  @Field({ description: 'Whether the one-vote veto applies to the teacher in the year' }) vetoed!: boolean;
  @Field(() => [PurposeEligibility]) purposes!: PurposeEligibility[];
}
