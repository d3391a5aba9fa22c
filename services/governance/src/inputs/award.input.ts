import { graphqlEnum, HONOR_LEVEL, LocalDate } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { HonorLevel } from '../entities/award.entity';

@InputType({ description: 'An award row: teacher + 荣誉称号 + 荣誉发生日期 is the key' })
export class AwardInput {
  @Field(() => ID) teacherId!: string;
  @Field({ description: '荣誉称号' }) title!: string;
  @Field(() => graphqlEnum(HONOR_LEVEL), { description: '荣誉级别' }) level!: HonorLevel;
  @Field(() => LocalDate, { description: '荣誉发生日期' }) awardedOn!: string;
  @Field(() => String, { nullable: true, description: '荣誉授予单位名称' }) issuer?: string | null;
}

@InputType({ description: 'Filters of the awards list' })
export class AwardFilter {
  @Field(() => Int, { nullable: true, description: 'awarded in this year' }) year?: number;
  @Field(() => ID, { nullable: true, description: 'the school the record was written for' }) schoolId?: string;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => graphqlEnum(HONOR_LEVEL), { nullable: true }) level?: HonorLevel;
}
