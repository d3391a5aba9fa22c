import { graphqlEnum, LESSON_KIND, LocalDate } from '@tw/kernel';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { LessonKind } from '../entities/lesson.entity';

@InputType({ description: 'A row of the lessons sheet: presenter + 日期 + 课题 is the key' })
export class LessonInput {
  @Field(() => LocalDate, { description: '日期 (not after today)' }) date!: string;
  @Field(() => ID, { description: '授课教师' }) teacherId!: string;
  @Field({ description: '课题' }) title!: string;
  @Field(() => String, { nullable: true, description: '学科' }) subject?: string | null;
  @Field(() => graphqlEnum(LESSON_KIND), { description: '类型' }) kind!: LessonKind;
  @Field(() => String, { nullable: true, description: '工作室名称, of a studio already recorded' }) studioName?: string | null;
  @Field(() => Float, { nullable: true, description: '观摩人数: a whole number from 0' }) observers?: number | null;
}

@InputType({ description: 'Filters of the lessons list' })
export class LessonFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => LocalDate, { nullable: true, description: 'on or after' }) from?: string;
  @Field(() => LocalDate, { nullable: true, description: 'on or before' }) to?: string;
  @Field(() => [graphqlEnum(LESSON_KIND)], { nullable: true }) kinds?: LessonKind[];
  @Field(() => ID, { nullable: true }) studioId?: string;
  @Field(() => ID, { nullable: true, description: 'the presenter' }) teacherId?: string;
  @Field(() => ID, { nullable: true, description: "the presenter's school when the lesson was recorded" }) schoolId?: string;
  @Field({ nullable: true, description: '学科, exact' }) subject?: string;
}
