import { DESIGNATION_LEVEL, graphqlEnum, STUDIO_KIND } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DesignationLevel } from '../rules/designation-rank';
import type { StudioKind } from '../rules/studio-host';

/** A 名师工作室 or 名班主任工作室, hosted by a designated teacher; 工作室名称 is the key. */
@Entity('studio')
@Index('uq_studio_name', ['name'], { unique: true })
@Index('ix_studio_host', ['hostTeacherId'])
@Index('ix_studio_host_school', ['hostSchoolId', 'foundedYear'])
@Index('ix_studio_kind_level', ['kind', 'level'])
@ObjectType('Studio', { description: 'A studio (名师工作室 / 名班主任工作室) hosted by a designated teacher' })
export class Studio {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: '工作室名称' })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(STUDIO_KIND), { description: '类型' })
  kind!: StudioKind;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(DESIGNATION_LEVEL), { description: '级别' })
  level!: DesignationLevel;

  @Column({ name: 'host_teacher_id', type: 'varchar', length: 36 })
  hostTeacherId!: string;

  /** the host's school when the record was written (from personnel) */
  @Column({ name: 'host_school_id', type: 'varchar', length: 36 })
  hostSchoolId!: string;

  @Column({ name: 'founded_year', type: 'int' })
  @Field(() => Int, { description: '成立年度' })
  foundedYear!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
