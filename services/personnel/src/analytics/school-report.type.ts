import { SCHOOL_REPORT_KEY, SchoolReportKey } from '@tw/kernel';
import { Directive, ObjectType } from 'type-graphql';

/**
 * One school's figures for a year: the rows of the school comparison. Every subgraph adds the
 * figures it owns, as for DistrictReport.
 */
@ObjectType('SchoolReport', {
  description:
    "A school's yearly figures, the same as the district report's where they apply to a school. Roster figures are of the school's teachers on the year's statistics day (STATISTICS_DAY, default 12-31); a record's " +
    'figures count at the school recorded on it (the teacher’s school when it was written), except hires (the teacher’s school on the statistics day) and rotations (the school they started from).',
})
@Directive(SCHOOL_REPORT_KEY)
export class SchoolReport extends SchoolReportKey {
  static of(schoolId: string, year: number, sinceYear: number): SchoolReport {
    return Object.assign(new SchoolReport(), { schoolId, year, sinceYear });
  }
}
