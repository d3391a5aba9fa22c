import { graphqlEnum, SCHOOL_TYPE, SPONSOR, ValueOf } from '@tw/kernel';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

export type SchoolType = ValueOf<typeof SCHOOL_TYPE>;
export type Sponsor = ValueOf<typeof SPONSOR>;

@Entity('school')
@Unique('uq_school_code', ['code'])
@Unique('uq_school_name', ['name'])
@ObjectType('School', { description: 'A school of the district' })
@Directive('@key(fields: "id")')
export class School {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field({ description: '学校标识码: the 10-digit national school code' })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: '学校名称' })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(SCHOOL_TYPE), { description: '办学类型' })
  type!: SchoolType;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => graphqlEnum(SPONSOR), { description: '举办者: public (公办) or private (民办)' })
  sponsor!: Sponsor;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
