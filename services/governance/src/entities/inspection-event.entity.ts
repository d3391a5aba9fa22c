import { LocalDate } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InspectionItem } from './inspection-item.entity';

/** An inspection or evaluation that took place (at a school, on a date), always an item of that year's catalogue. */
@Entity('inspection_event')
@Index('uq_inspection_event', ['itemId', 'schoolId', 'heldOn'], { unique: true })
@Index('ix_inspection_event_year_school', ['year', 'schoolId'])
@Index('ix_inspection_event_school_year', ['schoolId', 'year'])
@ObjectType('InspectionEvent', { description: 'An inspection/evaluation held, an item of that year’s approved catalogue' })
export class InspectionEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'item_id', type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'The catalogue item it carries out' })
  itemId!: string;

  /** the foreign key fk_inspection_event_item; itemId above is what the code reads */
  @ManyToOne(() => InspectionItem, { nullable: false })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_inspection_event_item' })
  itemRow?: InspectionItem;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '年度' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '事项名称' })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: '发起部门' })
  department!: string;

  @Column({ name: 'school_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: 'The school inspected; null for one held across the district' })
  schoolId!: string | null;

  @Column({ name: 'held_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: '日期' })
  heldOn!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
