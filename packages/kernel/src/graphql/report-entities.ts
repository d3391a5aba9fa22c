import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Principal } from '../auth/principal';
import { requireReportReader, requireSchoolReportReader, visibleSchool } from '../reports';
import { BaseContext } from './context';

// The yearly report is two entities personnel owns and every service extends with the figures it
// computes: their keys, and the per-school value the comparison is ordered by, declared here once.

/** DistrictReport's federation key. */
export const DISTRICT_REPORT_KEY = '@key(fields: "year sinceYear")';
/** SchoolReport's federation key. */
export const SCHOOL_REPORT_KEY = '@key(fields: "schoolId year sinceYear")';

/**
 * DistrictReport's key fields. A service declares the entity as it extends it:
 * @example @ObjectType('DistrictReport') @Directive(DISTRICT_REPORT_KEY) export class DistrictReportRef extends DistrictReportKey {}
 */
@ObjectType() // a base: only its subclasses are types of a schema
export abstract class DistrictReportKey {
  @Field(() => Int, { description: 'The year of the figures' })
  year!: number;

  @Field(() => Int, { description: 'New designations are counted from this year through `year` (defaults to `year`)' })
  sinceYear!: number;
}

/**
 * SchoolReport's key fields (a row of the school comparison).
 * @example @ObjectType('SchoolReport') @Directive(SCHOOL_REPORT_KEY) export class SchoolReportRef extends SchoolReportKey {}
 */
@ObjectType() // a base: only its subclasses are types of a schema
export abstract class SchoolReportKey extends DistrictReportKey {
  @Field(() => ID)
  schoolId!: string;
}

@ObjectType('SchoolMetricValue', { description: "One school's value of a figure, for ordering the school comparison" })
@Directive('@shareable')
export class SchoolMetricValue {
  @Field(() => ID) schoolId!: string;
  @Field(() => Float, { nullable: true, description: 'null: the school has no such figure, or it is withheld from this reader' }) value!: number | null;

  /** The values of the schools `reader` may see figures of (a SCHOOL_ADMIN their own). */
  static visibleTo(reader: Principal, values: Iterable<readonly [string, number | null]>): SchoolMetricValue[] {
    const visible = visibleSchool(reader);
    return [...values].filter(([id]) => visible(id)).map(([schoolId, value]) => Object.assign(new SchoolMetricValue(), { schoolId, value }));
  }
}

/**
 * The reference resolvers of a service that extends the report entities: the representation (the key
 * and any @requires fields) passes through to the fields, once the reader may read the report.
 */
export const EXTENDED_REPORT_REFERENCE_RESOLVERS = {
  DistrictReport: {
    __resolveReference<R extends DistrictReportKey>(ref: R, ctx: BaseContext): R {
      requireReportReader(ctx);
      return ref;
    },
  },
  SchoolReport: {
    __resolveReference<R extends SchoolReportKey>(ref: R, ctx: BaseContext): R {
      requireSchoolReportReader(ctx, ref.schoolId);
      return ref;
    },
  },
};
