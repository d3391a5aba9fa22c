import { graphqlEnum, HIRE_CHANNEL, ID_TYPE, LocalDate } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { HireChannel } from '../entities/hire.entity';
import type { IdType } from '../entities/teacher.entity';

@InputType({ description: 'A hire row: teacher (by id, or ID number with the name) + year is the key' })
export class HireInput {
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => graphqlEnum(ID_TYPE), { nullable: true }) idType?: IdType;
  @Field({ nullable: true, description: '身份证件号' }) idNumber?: string;
  @Field({ nullable: true, description: '姓名 (must agree with the record)' }) name?: string;
  @Field(() => Int, { description: '招聘年度' }) year!: number;
  @Field(() => graphqlEnum(HIRE_CHANNEL), { description: '招聘方式' }) channel!: HireChannel;
  @Field(() => LocalDate, { nullable: true, description: '入编日期' }) inQuotaDate?: string;
}

@InputType({ description: 'Filters of the hires list' })
export class HireFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => graphqlEnum(HIRE_CHANNEL), { nullable: true }) channel?: HireChannel;
  @Field(() => ID, { nullable: true }) schoolId?: string;
}
