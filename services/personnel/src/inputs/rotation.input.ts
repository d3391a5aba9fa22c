import { graphqlEnum, ID_TYPE, YearMonth } from '@tw/kernel';
import { Field, ID, InputType } from 'type-graphql';
import type { IdType } from '../entities/teacher.entity';

@InputType({ description: 'A rotation row: teacher + 开始年月 is the key' })
export class RotationInput {
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => graphqlEnum(ID_TYPE), { nullable: true }) idType?: IdType;
  @Field({ nullable: true, description: '身份证件号' }) idNumber?: string;
  @Field({ nullable: true, description: '姓名 (must agree with the record)' }) name?: string;
  @Field({ description: '交流轮岗类型' }) type!: string;
  @Field({ description: '是否调动人事关系' }) personnelRelationMoved!: boolean;
  @Field(() => YearMonth, { description: '开始年月' }) startMonth!: string;
  @Field(() => YearMonth, { nullable: true, description: '结束年月' }) endMonth?: string;
  @Field({ description: '原单位名称' }) fromSchoolName!: string;
  @Field({ description: '交流轮岗单位名称' }) toSchoolName!: string;
}

@InputType({ description: 'Filters of the rotations list' })
export class RotationFilter {
  @Field({ nullable: true, description: 'rotations starting in this year' }) startYear?: number;
  @Field(() => ID, { nullable: true, description: 'from or to this school' }) schoolId?: string;
}
