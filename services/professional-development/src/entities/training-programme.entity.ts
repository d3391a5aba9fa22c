import { graphqlEnum, TRAINING_LEVEL, TRAINING_MODE, TRAINING_TOPIC, ValueOf } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TrainingTopic } from '../rules/training-topic';

export type TrainingLevel = ValueOf<typeof TRAINING_LEVEL>;
export type TrainingMode = ValueOf<typeof TRAINING_MODE>;
export type TopicSource = 'GIVEN' | 'INFERRED';

/** A training programme (培训项目): identified by 培训年度 + 培训项目名称 + 培训类别. */
@Entity('training_programme')
@Index('uq_programme_year_name_level', ['year', 'name', 'level'], { unique: true })
@Index('ix_programme_level_year', ['level', 'year'])
@Index('ix_programme_topic_year', ['topic', 'year'])
@ObjectType('TrainingProgramme', { description: 'A training programme (培训项目), identified by year + project name + level' })
export class TrainingProgramme {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '培训年度' })
  year!: number;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(TRAINING_LEVEL), { description: '培训类别 (10 国家级 … 99 其他)' })
  level!: TrainingLevel;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '培训项目名称' })
  name!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '培训机构名称' })
  provider!: string | null;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(TRAINING_MODE), { description: '培训方式' })
  mode!: TrainingMode;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(TRAINING_TOPIC), { description: '培训主题' })
  topic!: TrainingTopic;

  /** where the topic came from: a file's 培训主题 column, or inferred from the project name */
  @Column({ name: 'topic_source', type: 'varchar', length: 10 })
  topicSource!: TopicSource;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
