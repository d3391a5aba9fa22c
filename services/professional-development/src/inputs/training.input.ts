import { graphqlEnum, TRAINING_LEVEL, TRAINING_MODE, TRAINING_TOPIC } from '@tw/kernel';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { TrainingLevel, TrainingMode } from '../entities/training-programme.entity';
import type { TrainingTopic } from '../rules/training-topic';

@InputType({
  description:
    'A row of the 国内培训 sheet: one participation. Teacher + 培训年度 + 培训项目名称 is the key; the programme (year + name + level) is created or updated from the rows that name it.',
})
export class TrainingInput {
  @Field(() => ID) teacherId!: string;
  @Field(() => Int, { description: '培训年度' }) year!: number;
  @Field(() => graphqlEnum(TRAINING_LEVEL), { description: '培训类别' }) level!: TrainingLevel;
  @Field({ description: '培训项目名称' }) projectName!: string;
  @Field(() => String, { nullable: true, description: '培训机构名称 (blank keeps what is stored)' }) provider?: string | null;
  @Field(() => graphqlEnum(TRAINING_MODE), { description: '培训方式' }) mode!: TrainingMode;
  @Field(() => Float, { description: '培训获得学时: a whole number from 0 (a fraction is a rejected row, not a failed call)' }) hours!: number;
  @Field(() => Float, { nullable: true, description: '培训获得学分: a whole number from 0' }) credits?: number | null;
  @Field(() => graphqlEnum(TRAINING_TOPIC), { nullable: true, description: '培训主题; inferred from the project name when absent' }) topic?: TrainingTopic | null;
}

@InputType({ description: 'Filters of the training programmes list' })
export class TrainingProgrammeFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => [graphqlEnum(TRAINING_LEVEL)], { nullable: true }) levels?: TrainingLevel[];
  @Field(() => [graphqlEnum(TRAINING_TOPIC)], { nullable: true }) topics?: TrainingTopic[];
  @Field(() => graphqlEnum(TRAINING_MODE), { nullable: true }) mode?: TrainingMode;
  @Field({ nullable: true, description: 'project names containing this text' }) nameContains?: string;
}

@InputType({ description: 'Filters of the training participations list' })
export class TrainingParticipationFilter {
  @Field(() => ID, { nullable: true }) programmeId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => ID, { nullable: true, description: "the teacher's school when the record was written" }) schoolId?: string;
}
