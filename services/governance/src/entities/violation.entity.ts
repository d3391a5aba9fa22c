import { graphqlEnum, LocalDate, SANCTION, Sanction } from '@tw/kernel';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NegativeListItem } from './negative-list-item.entity';

/** A breach of the ethics negative list, with its sanction (处分) when one was given. */
@Entity('violation')
@Index('uq_violation_teacher_date', ['teacherId', 'occurredOn'], { unique: true })
@Index('ix_violation_school_date', ['schoolId', 'occurredOn'])
@Index('ix_violation_date', ['occurredOn'])
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

  @Column({ name: 'negative_list_item_id', type: 'varchar', length: 36 })
  negativeListItemId!: string;

  @ManyToOne(() => NegativeListItem, { nullable: false })
  @JoinColumn({ name: 'negative_list_item_id', foreignKeyConstraintName: 'fk_violation_item' })
  @Field(() => NegativeListItem, { description: '处分原因: the negative-list item breached' })
  negativeListItem?: NegativeListItem;

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
