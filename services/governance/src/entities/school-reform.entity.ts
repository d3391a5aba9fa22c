import { graphqlEnum, LocalDate, REFORM_STATUS, ValueOf } from '@tw/kernel';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

export type ReformStatus = ValueOf<typeof REFORM_STATUS>;

/** 党组织领导的校长负责制: where a school stands in the governance reform. */
@Entity('school_reform')
@Unique('uq_school_reform_school', ['schoolId'])
@ObjectType('SchoolReform', { description: '党组织领导的校长负责制: a school’s state in the governance reform' })
export class SchoolReform {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  schoolId!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(REFORM_STATUS), { description: '改革状态 now' })
  status!: ReformStatus;

  @Column({ name: 'pilot_started_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: 'When the school began piloting it' })
  pilotStartedOn!: string | null;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: 'When the school completed it' })
  completedOn!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
