import { graphqlEnum, LocalDate, REASON_CLASSIFICATION, ReasonClassification, SANCTION, Sanction } from '@tw/kernel';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NegativeListItem } from './negative-list-item.entity';

/** A breach of the ethics negative list, with its sanction (处分) when one was given. */
@Entity('violation')
@Index('uq_violation_teacher_date', ['teacherId', 'occurredOn'], { unique: true })
@Index('ix_violation_school_date', ['schoolId', 'occurredOn'])
@Index('ix_violation_date', ['occurredOn'])
@Index('ix_violation_item_source', ['classification', 'schoolId'])
@ObjectType('Violation', { description: '师德违规: a breach of the negative list and its sanction (处分)' })
export class Violation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  teacherId!: string;

  /** the teacher's school when the record was written, for per-school figures */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ name: 'occurred_on', type: 'date' })
  @Field(() => LocalDate, { description: '处分发生日期: the date of the violation and of its sanction; the sanction period starts here' })
  occurredOn!: string;

  /** null: 未归类, the words name no item (or several) until the bureau settles it */
  @Column({ name: 'negative_list_item_id', type: 'varchar', length: 36, nullable: true })
  negativeListItemId!: string | null;

  @ManyToOne(() => NegativeListItem, { nullable: true })
  @JoinColumn({ name: 'negative_list_item_id', foreignKeyConstraintName: 'fk_violation_item' })
  @Field(() => NegativeListItem, { nullable: true, description: '处分原因: the negative-list item breached; null while 未归类 (see classification)' })
  negativeListItem?: NegativeListItem | null;

  @Column({ name: 'reason_text', type: 'varchar', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: '处分原因 as the school wrote it (an item, or words such as 违规有偿补课)' })
  reasonText!: string | null;

  @Column({ name: 'item_source', type: 'varchar', length: 12, default: 'LISTED' })
  @Field(() => graphqlEnum(REASON_CLASSIFICATION), { description: 'How the item was found: as written, by keywords, not yet (未归类), or settled by the bureau' })
  classification!: ReasonClassification;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => graphqlEnum(SANCTION), { nullable: true, description: '处分类别; null when no sanction was given' })
  sanction!: Sanction | null;

  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: '处分撤销日期: the sanction stops applying from this date' })
  revokedOn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'What happened, in a sentence' })
  description!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
