import { graphqlEnum, TALENT_CATEGORY } from '@tw/kernel';
import { Field, Int, ObjectType } from 'type-graphql';
import type { TalentCategory } from '../entities/talent-record.entity';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

@ObjectType('TalentCategoryTotal', { description: "One talent category's assessments and subsidies for a year" })
export class TalentCategoryTotal {
  @Field(() => graphqlEnum(TALENT_CATEGORY)) category!: TalentCategory;
  @Field(() => Int, { description: 'Teachers of the category assessed in the year' }) assessed!: number;
  @Field(() => Int, { nullable: true, description: '合格 (withheld when fewer than 5 were assessed)' }) passed!: number | null;
  @Field(() => Int, { nullable: true, description: '不合格 (withheld when fewer than 5 were assessed)' }) failed!: number | null;
  @Field(() => Yuan, { nullable: true, description: 'Subsidies paid (to those who passed); withheld when paid to fewer than 5 teachers' }) subsidyTotal!: Fen | null;
  @Field({ description: 'Whether any figure of this category is withheld from this reader by the small-group rule' }) withheld!: boolean;
  @Field(() => String, { nullable: true }) withheldReason!: string | null;
}

@ObjectType('TalentTotals', { description: '优秀教育人才 for a year: assessments and subsidies, in total and by category' })
export class TalentTotals {
  @Field(() => Int) year!: number;
  @Field(() => Int) assessed!: number;
  @Field(() => Int, { nullable: true }) passed!: number | null;
  @Field(() => Int, { nullable: true }) failed!: number | null;
  @Field(() => Yuan, { nullable: true }) subsidyTotal!: Fen | null;
  @Field() withheld!: boolean;
  @Field(() => String, { nullable: true }) withheldReason!: string | null;
  @Field(() => [TalentCategoryTotal], { description: 'A, B and C, each listed even when no one is in it' }) categories!: TalentCategoryTotal[];
}
