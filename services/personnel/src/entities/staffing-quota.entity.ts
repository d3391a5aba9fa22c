import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { School } from './school.entity';

/** 核定编制数: the established posts approved for a school in a year. */
@Entity('staffing_quota')
@Index('uq_quota_school_year', ['schoolId', 'year'], { unique: true })
@Index('ix_quota_year_school', ['year', 'schoolId', 'approved'])
@ObjectType('StaffingQuota', { description: '编制: established posts approved for a school in a year' })
export class StaffingQuota {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  schoolId!: string;

  /** the foreign key fk_quota_school; the id column above is what the code reads */
  @ManyToOne(() => School, { nullable: false })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_quota_school' })
  schoolRow?: School;

  @Column({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '核定编制数' })
  approved!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
