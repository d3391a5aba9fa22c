import { LocalDate } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * 负面清单事项: an item of the maintained negative list. Seeded with the ten items of
 * 新时代中小学教师职业行为十项准则; DISTRICT_ADMIN adds items and retires them (a retired item is not
 * used for violations dated from its retirement on; earlier violations keep it).
 */
@Entity('negative_list_item')
@Unique('uq_negative_list_item_code', ['code'])
@Unique('uq_negative_list_item_title', ['title'])
@ObjectType('NegativeListItem', { description: '负面清单事项 (an item of the maintained ethics negative list)' })
export class NegativeListItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field({ description: 'Its number in the list: 1–10 for the ten items of the code of conduct, then 11…' })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: '事项名称, e.g. 关心爱护学生' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The behaviour the item forbids' })
  description!: string | null;

  @Column({ name: 'sort_order', type: 'integer' })
  @Field(() => Int)
  sortOrder!: number;

  @Column({ name: 'retired_on', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: 'From this date the item is no longer used for new violations' })
  retiredOn!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
