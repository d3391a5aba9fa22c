import { graphqlEnum, PRINCIPAL_RANK, ValueOf } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PrincipalRankLevel = ValueOf<typeof PRINCIPAL_RANK>;

/** 校长职级: a principal's rank certification in a year. */
@Entity('principal_rank')
@Index('uq_principal_rank_teacher_year', ['teacherId', 'year'], { unique: true })
@Index('ix_principal_rank_year', ['year', 'rank'])
@Index('ix_principal_rank_school', ['schoolId', 'year'])
@ObjectType('PrincipalRankCertification', { description: '校长职级: a principal’s rank certification' })
export class PrincipalRank {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'The principal (a teacher)' })
  teacherId!: string;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  @Field(() => ID, { description: 'The school they lead' })
  schoolId!: string;

  // "rank" is a reserved word in MySQL 8
  @Column({ name: 'rank_level', type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(PRINCIPAL_RANK), { description: '职级' })
  rank!: PrincipalRankLevel;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '认定年度' })
  year!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
