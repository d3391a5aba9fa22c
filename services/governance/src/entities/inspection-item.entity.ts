import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An item of a year's 检查考核评比目录清单: an inspection or evaluation of schools that is approved. */
@Entity('inspection_item')
@Index('uq_inspection_item_year_name', ['year', 'name'], { unique: true })
@ObjectType('InspectionItem', { description: '检查考核评比目录清单: an approved inspection/evaluation of schools for a year' })
export class InspectionItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '年度' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '事项名称' })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: '发起部门' })
  department!: string;

  @Column({ name: 'approval_no', type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '批准文号' })
  approvalNo!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
