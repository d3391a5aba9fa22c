import { APPRAISAL_RESULT, ETHICS_RESULT, graphqlEnum, HONOR_LEVEL, PRINCIPAL_RANK, SANCTION, Sanction } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AppraisalResult } from '../entities/appraisal.entity';
import type { HonorLevel } from '../entities/award.entity';
import type { PrincipalRankLevel } from '../entities/principal-rank.entity';
import type { EthicsResult } from '../rules/veto-rule';

@ObjectType() export class EthicsResultCount {
  @Field(() => graphqlEnum(ETHICS_RESULT)) result!: EthicsResult;
  @Field(() => Int, { nullable: true, description: 'null: withheld by the small-group rule (a count of 1–4, or the complement that would give one away)' }) count!: number | null;
}

@ObjectType() export class AppraisalResultCount {
  @Field(() => graphqlEnum(APPRAISAL_RESULT)) result!: AppraisalResult;
  @Field(() => Int, { nullable: true, description: 'null: withheld by the small-group rule (a count of 1–4, or the complement that would give one away)' }) count!: number | null;
}

@ObjectType() export class SanctionCount {
  @Field(() => graphqlEnum(SANCTION), { nullable: true, description: 'null: violations without a sanction' }) sanction!: Sanction | null;
  @Field(() => Int, { nullable: true, description: 'null: withheld by the small-group rule (a count of 1–4, or the complement that would give one away)' }) count!: number | null;
}

@ObjectType() export class HonorLevelCount {
  @Field(() => graphqlEnum(HONOR_LEVEL)) level!: HonorLevel;
  @Field(() => Int) count!: number;
}

@ObjectType() export class PrincipalRankCount {
  @Field(() => graphqlEnum(PRINCIPAL_RANK)) rank!: PrincipalRankLevel;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A year’s ethics, appraisal, award and principal-rank figures, for the district or one school (counted by the school a record was written for)' })
export class GovernanceSummary {
  @Field(() => Int) year!: number;
  @Field(() => ID, { nullable: true, description: 'null: the whole district' }) schoolId!: string | null;
  @Field(() => [EthicsResultCount], { description: '师德考核 results of the year' }) ethicsResults!: EthicsResultCount[];
  @Field(() => [AppraisalResultCount], { description: '年度考核 results of the year' }) appraisalResults!: AppraisalResultCount[];
  @Field(() => [SanctionCount], { description: 'Violations dated in the year, by sanction' }) violations!: SanctionCount[];
  @Field(() => Int, { nullable: true, description: 'Teachers under the one-vote veto in the year (null: 1–4, withheld by the small-group rule)' }) vetoedTeachers!: number | null;
  @Field(() => String, { nullable: true, description: 'Why some counts are null: ethics, appraisal, violation and veto counts of 1–4 teachers are withheld from every reader who may not read each of them' })
  withheldReason!: string | null;
  @Field(() => Int, { description: 'Awards dated in the year' }) awards!: number;
  @Field(() => [HonorLevelCount]) awardsByLevel!: HonorLevelCount[];
  @Field(() => Int, { description: 'Teachers commended: distinct teachers with an award dated in the year' }) teachersCommended!: number;
  @Field(() => Int, { description: 'Principals certified in the year' }) principalsCertified!: number;
  @Field(() => [PrincipalRankCount]) principalRanks!: PrincipalRankCount[];
}
