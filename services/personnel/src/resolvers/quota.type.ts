import { Field, ID, Int, ObjectType } from 'type-graphql';
import { QuotaAdjustment } from '../entities/quota-adjustment.entity';

@ObjectType({ description: "A school's approved posts for a year against the posts filled now" })
export class QuotaStatus {
  @Field(() => ID) schoolId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true, description: '核定编制数; null when none was approved for the year' }) approved!: number | null;
  @Field(() => Int, { description: 'serving teachers holding an established post now' }) filled!: number;
  @Field(() => Int, { nullable: true, description: 'approved − filled (negative when over quota)' }) vacant!: number | null;

  static of(schoolId: string, year: number, approved: number | null, filled: number): QuotaStatus {
    return Object.assign(new QuotaStatus(), { schoolId, year, approved, filled, vacant: approved === null ? null : approved - filled });
  }
}

@ObjectType({ description: "The district's staffing quotas for a year" })
export class QuotaSummary {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'district total of approved posts' }) approvedTotal!: number;
  @Field(() => Int, { description: 'district total of posts filled now' }) filledTotal!: number;
  @Field(() => [QuotaStatus]) schools!: QuotaStatus[];
}

@ObjectType({ description: 'A dynamic adjustment made' })
export class QuotaAdjustmentResult {
  @Field(() => ID) batchId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'the district total, the same before and after' }) districtTotal!: number;
  @Field(() => [QuotaAdjustment]) lines!: QuotaAdjustment[];
}
