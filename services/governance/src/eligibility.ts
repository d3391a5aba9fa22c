import { violationFacts } from './bulk/veto-facts';
import { Loaders } from './loaders';
import { eligibilityOf, TeacherEligibilityValue } from './rules/veto-rule';

/**
 * A teacher's eligibility for a year, from the request's loaders: the year's ethics result and the
 * teacher's violations, each batched across every teacher asked in the request (two statements).
 */
export async function eligibilityFor(loaders: Loaders, teacherId: string, year: number): Promise<TeacherEligibilityValue> {
  const [ethics, violations] = await Promise.all([loaders.ethics.load({ teacherId, year }), loaders.violationsByTeacher.load(teacherId)]);
  return eligibilityOf(teacherId, year, ethics?.result ?? null, violations.map(violationFacts));
}
