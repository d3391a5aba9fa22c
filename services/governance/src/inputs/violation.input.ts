import { graphqlEnum, LocalDate, REASON_CLASSIFICATION, ReasonClassification, SANCTION, Sanction } from '@tw/kernel';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A violation row: teacher + 处分发生日期 is the key' })
export class ViolationInput {
  @Field(() => ID) teacherId!: string;
  @Field(() => LocalDate, { description: '处分发生日期: the date of the violation and its sanction' }) occurredOn!: string;
  @Field({
    description:
      '处分原因: the negative-list item, by number (5), name (关心爱护学生) or both (5-关心爱护学生); or the behaviour in words (违规有偿补课), read by the items’ keywords (the row says which item, code NEGATIVE_LIST_ITEM_CLASSIFIED) or kept 未归类 for the bureau to settle (NEGATIVE_LIST_ITEM_UNCLASSIFIED). The words are kept as written',
  })
  negativeListItem!: string;
  @Field(() => graphqlEnum(SANCTION), { nullable: true, description: '处分类别; null or absent when no sanction was given' }) sanction?: Sanction | null;
  @Field(() => LocalDate, { nullable: true, description: '处分撤销日期' }) revokedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'What happened, in a sentence (at most 500 characters)' }) description?: string | null;
}

@InputType({ description: 'Filters of the violations list' })
export class ViolationFilter {
  @Field(() => ID, { nullable: true, description: 'the school the record was written for' }) schoolId?: string;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => LocalDate, { nullable: true, description: 'dated on or after' }) from?: string;
  @Field(() => LocalDate, { nullable: true, description: 'dated on or before' }) to?: string;
  @Field(() => graphqlEnum(SANCTION), { nullable: true }) sanction?: Sanction;
  @Field(() => [graphqlEnum(REASON_CLASSIFICATION)], { nullable: true, description: 'how the item was found: [UNCLASSIFIED] lists the ones the bureau has to settle' })
  classification?: ReasonClassification[];
}

@InputType({ description: 'A new item of the negative list' })
export class NegativeListItemInput {
  @Field({ description: '事项名称 (unique in the list)' }) title!: string;
  @Field(() => String, { nullable: true, description: 'The behaviour it forbids' }) description?: string | null;
}
