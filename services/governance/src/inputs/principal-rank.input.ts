import { graphqlEnum, PRINCIPAL_RANK } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { PrincipalRankLevel } from '../entities/principal-rank.entity';

@InputType({ description: 'A principal rank row: principal (a teacher) + 认定年度 is the key' })
export class PrincipalRankInput {
  @Field(() => ID, { description: 'The principal' }) teacherId!: string;
  @Field(() => ID, { nullable: true, description: 'The school they lead; the teacher’s school when absent' }) schoolId?: string | null;
  @Field(() => graphqlEnum(PRINCIPAL_RANK), { description: '职级' }) rank!: PrincipalRankLevel;
  @Field(() => Int, { description: '认定年度' }) year!: number;
}

@InputType({ description: 'Filters of the principal ranks list' })
export class PrincipalRankFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => ID, { nullable: true }) schoolId?: string;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => graphqlEnum(PRINCIPAL_RANK), { nullable: true }) rank?: PrincipalRankLevel;
}
