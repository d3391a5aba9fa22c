import { LocalDate } from '@tw/kernel';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A 师徒结对 row: mentor + mentee is the key' })
export class MentoringPairInput {
  @Field(() => ID, { description: '师傅' }) mentorId!: string;
  @Field(() => ID, { description: '徒弟 (not the mentor)' }) menteeId!: string;
  @Field(() => LocalDate, { description: '结对开始日期' }) startDate!: string;
  @Field(() => LocalDate, { nullable: true, description: '结对结束日期 (not before the start)' }) endDate?: string | null;
}

@InputType({ description: 'Filters of the mentoring pairs list' })
export class MentoringPairFilter {
  @Field(() => ID, { nullable: true, description: 'pairs this teacher is in, as mentor or mentee' }) teacherId?: string;
  @Field(() => ID, { nullable: true, description: "the mentee's school when the pair was recorded" }) schoolId?: string;
  @Field({ nullable: true, description: 'only pairs not ended today' }) current?: boolean;
}
