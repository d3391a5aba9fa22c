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
  ValueOf,
  YearMonth,
} from '@tw/kernel';
import { Directive, Field, ID, ObjectType, UseMiddleware } from 'type-graphql';
import { PersonalField } from '../personal-field';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { School } from './school.entity';

export type Gender = ValueOf<typeof GENDER>;
export type IdType = ValueOf<typeof ID_TYPE>;
export type Ethnicity = ValueOf<typeof ETHNICITY>;
export type PoliticalStatus = ValueOf<typeof POLITICAL_STATUS>;
export type EmploymentForm = ValueOf<typeof EMPLOYMENT_FORM>;
export type PostCategory = ValueOf<typeof POST_CATEGORY>;
export type ProfessionalTitle = ValueOf<typeof PROFESSIONAL_TITLE>;
export type Education = ValueOf<typeof EDUCATION>;
export type StaffStatus = ValueOf<typeof STAFF_STATUS>;

/**
 * A teacher (教职工) as the national 基本信息 set records them. The ID number is stored normalised
 * and reaches GraphQL only through TeacherResolver.idNumber, which masks it for most roles.
 */
@Entity('teacher')
@Index('uq_teacher_id_number', ['idNumber', 'idType'], { unique: true })
@Index('ix_teacher_school', ['schoolId', 'id'])
@Index('ix_teacher_status', ['status', 'schoolId'])
@Index('ix_teacher_roster', ['schoolId', 'status', 'politicalStatus', 'inQuota'])
@ObjectType('Teacher', { description: 'A teacher of the district (教职工)' })
@Directive('@key(fields: "id")')
export class Teacher {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  /** the foreign key fk_teacher_school; the id column above is what the code reads */
  @ManyToOne(() => School, { nullable: false })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_teacher_school' })
  schoolRow?: School;

  @Column({ name: 'staff_no', type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: '教职工号' })
  @UseMiddleware(PersonalField)
  staffNo!: string | null;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: '姓名' })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => graphqlEnum(GENDER), { description: '性别' })
  gender!: Gender;

  @Column({ name: 'id_type', type: 'varchar', length: 40 })
  @Field(() => graphqlEnum(ID_TYPE), { description: '身份证件类型' })
  idType!: IdType;

  /** normalised; never a GraphQL field by itself (see TeacherResolver.idNumber) */
  @Column({ name: 'id_number', type: 'varchar', length: 40 })
  idNumber!: string;

  @Column({ name: 'birth_date', type: 'date' })
  @Field(() => LocalDate, { nullable: true, description: '出生日期' })
  @UseMiddleware(PersonalField)
  birthDate!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(ETHNICITY), { nullable: true, description: '民族 (GB 3304)' })
  @UseMiddleware(PersonalField)
  ethnicity!: Ethnicity;

  @Column({ name: 'political_status', type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(POLITICAL_STATUS), { nullable: true, description: '政治面貌 (GB/T 4762)' })
  @UseMiddleware(PersonalField)
  politicalStatus!: PoliticalStatus;

  @Column({ name: 'work_start_month', type: 'varchar', length: 7 })
  @Field(() => YearMonth, { nullable: true, description: '参加工作年月' })
  @UseMiddleware(PersonalField)
  workStartMonth!: string;

  @Column({ name: 'school_start_month', type: 'varchar', length: 7 })
  @Field(() => YearMonth, { nullable: true, description: '进本校年月' })
  @UseMiddleware(PersonalField)
  schoolStartMonth!: string;

  @Column({ name: 'in_quota', type: 'boolean' })
  @Field({ nullable: true, description: '是否在编: holds an established post' })
  @UseMiddleware(PersonalField)
  inQuota!: boolean;

  @Column({ name: 'employment_form', type: 'varchar', length: 20, nullable: true })
  @Field(() => graphqlEnum(EMPLOYMENT_FORM), { nullable: true, description: '用人形式 (for teachers not in quota)' })
  @UseMiddleware(PersonalField)
  employmentForm!: EmploymentForm | null;

  @Column({ name: 'post_category', type: 'varchar', length: 20, nullable: true })
  @Field(() => graphqlEnum(POST_CATEGORY), { nullable: true, description: '岗位类别' })
  @UseMiddleware(PersonalField)
  postCategory!: PostCategory | null;

  @Column({ name: 'professional_title', type: 'varchar', length: 20, nullable: true })
  @Field(() => graphqlEnum(PROFESSIONAL_TITLE), { nullable: true, description: '专业技术职务' })
  professionalTitle!: ProfessionalTitle | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  @Field(() => graphqlEnum(EDUCATION), { nullable: true, description: '最高学历' })
  @UseMiddleware(PersonalField)
  education!: Education | null;

  @Column({ name: 'teaching_stage', type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: '任教学段' })
  teachingStage!: string | null;

  @Column({ name: 'teaching_subject', type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: '任教学科' })
  teachingSubject!: string | null;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(STAFF_STATUS), { description: '人员状态' })
  status!: StaffStatus;

  @Column({ name: 'status_code', type: 'varchar', length: 3, nullable: true })
  @Field(() => String, { nullable: true, description: '人员状态 national code when known (100, 201…299)' })
  @UseMiddleware(PersonalField)
  statusCode!: string | null;

  @Column({ name: 'status_detail', type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: 'sub-status of 暂未在本单位任职 (借出, 长病假, 进修…)' })
  @UseMiddleware(PersonalField)
  statusDetail!: string | null;

  /** other 基本信息 columns a file carried (曾用名, 籍贯…), as a JSON object */
  @Column({ type: 'text', nullable: true })
  extra!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
