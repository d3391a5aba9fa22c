import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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

  @Column({ type: 'int' })
  @Field(() => Int)
  year!: number;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  schoolId!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Posts added (positive) or taken away (negative)' })
  delta!: number;

  @Column({ name: 'approved_before', type: 'int' })
  @Field(() => Int)
  approvedBefore!: number;

  @Column({ name: 'approved_after', type: 'int' })
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
