import { graphqlEnum, SCHOOL_TYPE, SPONSOR } from '@tw/kernel';
import { Field, ID, InputType } from 'type-graphql';
import type { SchoolType, Sponsor } from '../entities/school.entity';

@InputType({ description: 'A school row for upsertSchools; 学校标识码 is the key' })
export class SchoolInput {
  @Field({ description: '学校标识码 (10 digits)' })
  code!: string;

  @Field({ description: '学校名称' })
  name!: string;

  @Field(() => graphqlEnum(SCHOOL_TYPE))
  type!: SchoolType;

  @Field(() => graphqlEnum(SPONSOR))
  sponsor!: Sponsor;
}

@InputType({ description: 'Filters of the schools list' })
export class SchoolFilter {
  @Field(() => [String], { nullable: true, description: '学校标识码 in this list' })
  codes?: string[];

  @Field(() => [String], { nullable: true, description: 'exact names in this list' })
  names?: string[];

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [graphqlEnum(SCHOOL_TYPE)], { nullable: true })
  types?: SchoolType[];

  @Field(() => graphqlEnum(SPONSOR), { nullable: true })
  sponsor?: Sponsor;
}
