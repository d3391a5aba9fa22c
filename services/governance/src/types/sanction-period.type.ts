import { LocalDate } from '@tw/kernel';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The days a sanction bars the teacher (the one-vote veto applies to every year they touch)' })
export class SanctionPeriodType {
  @Field(() => LocalDate, { description: 'The first day: the sanction date' }) from!: string;
  @Field(() => LocalDate, { nullable: true, description: 'The last day, inclusive; null when permanent (开除)' }) through!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'The last day it was to run had it not been revoked' }) scheduledThrough!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'The revocation that cut it short, when one did' }) revokedOn!: string | null;
}
