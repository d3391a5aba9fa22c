import { LocalDate } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A catalogue row: 年度 + 事项名称 is the key' })
export class InspectionItemInput {
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field({ description: '事项名称' }) name!: string;
  @Field({ description: '发起部门' }) department!: string;
  @Field(() => String, { nullable: true, description: '批准文号' }) approvalNo?: string | null;
}

@InputType({ description: 'An inspection held: 年度 + 事项名称 + school + date is the key; the item must be on that year’s catalogue' })
export class InspectionEventInput {
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field({ description: '事项名称, as the catalogue names it' }) name!: string;
  @Field({ description: '发起部门, as the catalogue names it' }) department!: string;
  @Field(() => ID, { nullable: true, description: 'The school inspected (absent: held across the district)' }) schoolId?: string | null;
  @Field(() => LocalDate, { nullable: true, description: '日期 (within 年度)' }) heldOn?: string | null;
}

@InputType({ description: 'Filters of the inspections list' })
export class InspectionEventFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => ID, { nullable: true }) schoolId?: string;
}
