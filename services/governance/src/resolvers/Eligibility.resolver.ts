import { badInput, forbidden, requireRole, requireYear } from '@tw/kernel';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { eligibilityFor } from '../eligibility';
import { GovernanceContext } from '../context';
import { TeacherEligibility } from '../types/eligibility.type';

export const MAX_ELIGIBILITY_IDS = 1000;

@Resolver(() => TeacherEligibility)
export class EligibilityResolver {
  @Query(() => [TeacherEligibility], {
    description:
      'Teachers’ eligibility in a year under the one-vote veto, in the order asked (at most 1,000; two SQL statements whatever the number). ' +
      'SERVICE and DISTRICT_ADMIN for any teacher, SCHOOL_ADMIN for their school’s teachers only: it is personal data.',
  })
  // type-graphql lists arguments last parameter first: this order prints the contract's (teacherIds, year)
  async eligibility(
    @Ctx() ctx: GovernanceContext,
    @Arg('year', () => Int) year: number,
    @Arg('teacherIds', () => [ID]) teacherIds: string[],
  ): Promise<TeacherEligibility[]> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    if (teacherIds.length > MAX_ELIGIBILITY_IDS) throw badInput(`eligibility takes at most ${MAX_ELIGIBILITY_IDS.toLocaleString('en')} teacher ids a call; got ${teacherIds.length}`);
    requireYear(year);
    if (p.role === 'SCHOOL_ADMIN') {
      const known = await ctx.teachers.lookup(teacherIds);
      const outside = [...new Set(teacherIds.filter((id) => known.get(id)?.school.id !== p.schoolId))];
      if (outside.length) {
        throw forbidden(`A SCHOOL_ADMIN token reads only its own school's teachers (school ${p.schoolId}); not of it: ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? ` and ${outside.length - 10} more` : ''}`);
      }
    }
    return Promise.all(teacherIds.map((id) => eligibilityFor(ctx.loaders, id, year)));
  }
}
