import { Loaders } from './loaders';
import { eligibilityOf, TeacherEligibilityValue } from './rules/veto-rule';

/**
 * A teacher's eligibility for a year, as of the year's last day: the year's ethics result and the
 * teacher's violations as they were recorded then (a later year's writes do not change a past year's
 * eligibility, unless dated in it), batched across every teacher and year asked in the request (two
 * statements). While the year lasts, its last day is ahead: the facts as they are now.
 */
export async function eligibilityFor(loaders: Loaders, teacherId: string, year: number): Promise<TeacherEligibilityValue> {
  const facts = await loaders.vetoFactsOn.load({ teacherId, year });
  return eligibilityOf(teacherId, year, facts.ethics, facts.violations);
}
