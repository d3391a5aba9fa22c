import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { School } from './school.entity';

/** One school's line of a dynamic adjustment (动态调整): posts moved within the district total. */
@Entity('quota_adjustment')
@Index('ix_quota_adjustment_year', ['year', 'batchId'])
@ObjectType('QuotaAdjustment', { description: "One school's change in a dynamic adjustment of staffing quotas" })
export class QuotaAdjustment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'batch_id', type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'The adjustment this line belongs to' })
  batchId!: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  schoolId!: string;

  /** the foreign key fk_adjustment_school; the id column above is what the code reads */
  @ManyToOne(() => School, { nullable: false })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_adjustment_school' })
  schoolRow?: School;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Posts added (positive) or taken away (negative)' })
  delta!: number;

  @Column({ name: 'approved_before', type: 'integer' })
  @Field(() => Int)
  approvedBefore!: number;

  @Column({ name: 'approved_after', type: 'integer' })
  @Field(() => Int)
  approvedAfter!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  reason!: string;

  @Column({ name: 'adjusted_by', type: 'varchar', length: 100 })
  @Field({ description: 'Subject of the token that made the adjustment' })
  adjustedBy!: string;

  @Column({ name: 'adjusted_at', type: 'datetime' })
  @Field()
  adjustedAt!: Date;
}
