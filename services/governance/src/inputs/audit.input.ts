import { graphqlEnum, LocalDate } from '@tw/kernel';
import { Field, ID, InputType } from 'type-graphql';
import { AUDIT_ENTITY, AuditEntity } from '../codes';

@InputType('GovernanceAuditLogFilter', { description: 'Filters of the audit log' })
export class AuditFilter {
  @Field(() => graphqlEnum(AUDIT_ENTITY), { nullable: true }) entity?: AuditEntity;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => LocalDate, { nullable: true, description: 'written on or after this day (UTC+8)' }) from?: string;
  @Field(() => LocalDate, { nullable: true, description: 'written on or before this day (UTC+8)' }) to?: string;
}
