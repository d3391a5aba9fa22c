import { graphqlEnum, LocalDate, REFORM_STATUS } from '@tw/kernel';
import { Field, ID, InputType } from 'type-graphql';
import type { ReformStatus } from '../entities/school-reform.entity';

@InputType({ description: 'A school’s reform state: the school is the key' })
export class SchoolReformInput {
  @Field(() => ID) schoolId!: string;
  @Field(() => graphqlEnum(REFORM_STATUS)) status!: ReformStatus;
  @Field(() => LocalDate, { nullable: true, description: 'When the pilot began (required for PILOT)' }) pilotStartedOn?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'When the school completed it (required for COMPLETED)' }) completedOn?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
