import { DESIGNATION_KIND, DESIGNATION_LEVEL, graphqlEnum, LocalDate } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { DesignationKind, DesignationLevel } from '../rules/designation-rank';

@InputType({ description: 'A row of the 入选人才项目 sheet: teacher + 称号 + 级别 + 认定年度 is the key' })
export class DesignationInput {
  @Field(() => ID) teacherId!: string;
  @Field(() => graphqlEnum(DESIGNATION_KIND), { description: '称号' }) kind!: DesignationKind;
  @Field(() => graphqlEnum(DESIGNATION_LEVEL), { description: '级别' }) level!: DesignationLevel;
  @Field(() => Int, { description: '认定年度' }) year!: number;
  @Field(() => LocalDate, { nullable: true, description: '有效期至 (a year or month in a file means its last day); not before the 认定年度' })
  validUntil?: string | null;
  @Field(() => String, { nullable: true, description: '认定单位' }) issuer?: string | null;
}
