import { graphqlEnum, LocalDate, REFORM_STATUS } from '@tw/kernel';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ReformStatus } from '../entities/school-reform.entity';

@ObjectType() export class ReformStatusCount {
  @Field(() => graphqlEnum(REFORM_STATUS)) status!: ReformStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Rollout of 党组织领导的校长负责制 across the district on a date' })
export class ReformProgress {
  @Field(() => LocalDate, { description: 'The day the figures describe' }) asOf!: string;
  @Field(() => Int, { description: 'Schools of the district (personnel’s count); those with no record count as not started' }) totalSchools!: number;
  @Field(() => [ReformStatusCount], { description: 'Every status, in order, with its count (they sum to totalSchools)' }) counts!: ReformStatusCount[];
  @Field(() => Int) completed!: number;
  @Field(() => Float, { nullable: true, description: 'completed / totalSchools, from 0 to 1; null when the district has no schools' }) completedShare!: number | null;
}
