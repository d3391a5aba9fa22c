import {
  EDUCATION,
  EMPLOYMENT_FORM,
  ETHNICITY,
  GENDER,
  graphqlEnum,
  ID_TYPE,
  LocalDate,
  POLITICAL_STATUS,
  POST_CATEGORY,
  PROFESSIONAL_TITLE,
  STAFF_STATUS,
  YearMonth,
} from '@tw/kernel';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type {
  Education,
  EmploymentForm,
  Ethnicity,
  Gender,
  IdType,
  PoliticalStatus,
  PostCategory,
  ProfessionalTitle,
  StaffStatus,
} from '../entities/teacher.entity';

@InputType('ExtraFieldInput', { description: 'Another 基本信息 column a file carried, kept as is' })
export class ExtraFieldInput {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType('ExtraField', { description: 'Another 基本信息 column a file carried (曾用名, 籍贯…)' })
export class ExtraField {
  @Field() name!: string;
  @Field() value!: string;
}

@InputType({ description: 'A teacher row for upsertTeachers; 身份证件类型 + 身份证件号 is the key. Give the school by id, code or exact name.' })
export class TeacherInput {
  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field({ nullable: true, description: '学校标识码' })
  schoolCode?: string;

  @Field({ nullable: true, description: '学校名称' })
  schoolName?: string;

  @Field({ nullable: true, description: '教职工号' })
  staffNo?: string;

  @Field({ description: '姓名' })
  name!: string;

  @Field(() => graphqlEnum(GENDER))
  gender!: Gender;

  @Field(() => graphqlEnum(ID_TYPE), { defaultValue: 'RESIDENT_ID' })
  idType!: IdType;

  @Field({ description: '身份证件号' })
  idNumber!: string;

  @Field(() => LocalDate)
  birthDate!: string;

  @Field(() => graphqlEnum(ETHNICITY))
  ethnicity!: Ethnicity;

  @Field(() => graphqlEnum(POLITICAL_STATUS))
  politicalStatus!: PoliticalStatus;

  @Field(() => YearMonth)
  workStartMonth!: string;

  @Field(() => YearMonth)
  schoolStartMonth!: string;

  @Field()
  inQuota!: boolean;

  @Field(() => graphqlEnum(EMPLOYMENT_FORM), { nullable: true, description: 'required when inQuota is false' })
  employmentForm?: EmploymentForm;

  @Field(() => graphqlEnum(POST_CATEGORY), { nullable: true })
  postCategory?: PostCategory;

  @Field(() => graphqlEnum(PROFESSIONAL_TITLE), { nullable: true })
  professionalTitle?: ProfessionalTitle;

  @Field(() => graphqlEnum(EDUCATION), { nullable: true })
  education?: Education;

  @Field({ nullable: true })
  teachingStage?: string;

  @Field({ nullable: true })
  teachingSubject?: string;

  @Field(() => graphqlEnum(STAFF_STATUS))
  status!: StaffStatus;

  @Field({ nullable: true, description: '人员状态 code (100, 201…299) when the file gave one' })
  statusCode?: string;

  @Field({ nullable: true, description: 'sub-status of 暂未在本单位任职' })
  statusDetail?: string;

  @Field(() => [ExtraFieldInput], { nullable: true })
  extra?: ExtraFieldInput[];
}

@InputType({ description: 'Filters of the teachers list' })
export class TeacherFilter {
  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field(() => [graphqlEnum(STAFF_STATUS)], { nullable: true })
  status?: StaffStatus[];

  @Field({ nullable: true, description: 'only serving teachers (在本单位任职 or 暂未在本单位任职)' })
  serving?: boolean;

  @Field({ nullable: true })
  inQuota?: boolean;

  @Field(() => [graphqlEnum(PROFESSIONAL_TITLE)], { nullable: true })
  professionalTitle?: ProfessionalTitle[];

  @Field(() => [graphqlEnum(POLITICAL_STATUS)], { nullable: true })
  politicalStatus?: PoliticalStatus[];

  @Field({ nullable: true, description: '任教学科, exact' })
  teachingSubject?: string;

  @Field({ nullable: true, description: 'names starting with this' })
  namePrefix?: string;
}
