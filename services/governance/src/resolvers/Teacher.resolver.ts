import { requireYear } from '@tw/kernel';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { mayReadTeacher } from '../access';
import { eligibilityFor } from '../eligibility';
import { Appraisal } from '../entities/appraisal.entity';
import { Award } from '../entities/award.entity';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { PrincipalRank } from '../entities/principal-rank.entity';
import { TeacherRef } from '../entities/teacher-ref';
import { Violation } from '../entities/violation.entity';
import { GovernanceContext } from '../context';
import { TeacherEligibility } from '../types/eligibility.type';

// Every field here is personal: the gateway fetches the teacher's school from personnel, and the
// field answers null to anyone who may not read the person (another school's admin, an analyst).
const REQUIRES_SCHOOL = '@requires(fields: "school { id }")';
const PERSONAL = 'null for those who may not read the teacher';

/** The fields governance adds to Teacher. */
@Resolver(() => TeacherRef)
export class TeacherResolver {
  @FieldResolver(() => EthicsAssessment, { nullable: true, description: `师德考核 of a year (${PERSONAL})` })
  @Directive(REQUIRES_SCHOOL)
  async ethics(@Root() t: TeacherRef, @Arg('year', () => Int) year: number, @Ctx() ctx: GovernanceContext): Promise<EthicsAssessment | null> {
    return mayReadTeacher(ctx, t) ? ctx.loaders.ethics.load({ teacherId: t.id, year }) : null;
  }

  @FieldResolver(() => [Violation], { nullable: true, description: `Violations of the negative list and their sanctions, oldest first (${PERSONAL})` })
  @Directive(REQUIRES_SCHOOL)
  async violations(@Root() t: TeacherRef, @Ctx() ctx: GovernanceContext): Promise<Violation[] | null> {
    return mayReadTeacher(ctx, t) ? ctx.loaders.violationsByTeacher.load(t.id) : null;
  }

  @FieldResolver(() => Appraisal, { nullable: true, description: `年度考核 of a year (${PERSONAL})` })
  @Directive(REQUIRES_SCHOOL)
  async appraisal(@Root() t: TeacherRef, @Arg('year', () => Int) year: number, @Ctx() ctx: GovernanceContext): Promise<Appraisal | null> {
    return mayReadTeacher(ctx, t) ? ctx.loaders.appraisal.load({ teacherId: t.id, year }) : null;
  }

  @FieldResolver(() => [Award], { nullable: true, description: `Awards (荣誉), oldest first (${PERSONAL})` })
  @Directive(REQUIRES_SCHOOL)
  async awards(@Root() t: TeacherRef, @Ctx() ctx: GovernanceContext): Promise<Award[] | null> {
    return mayReadTeacher(ctx, t) ? ctx.loaders.awardsByTeacher.load(t.id) : null;
  }

  @FieldResolver(() => [PrincipalRank], { nullable: true, description: `Principal rank certifications (校长职级), by year (${PERSONAL})` })
  @Directive(REQUIRES_SCHOOL)
  async principalRanks(@Root() t: TeacherRef, @Ctx() ctx: GovernanceContext): Promise<PrincipalRank[] | null> {
    return mayReadTeacher(ctx, t) ? ctx.loaders.principalRanksByTeacher.load(t.id) : null;
  }

  @FieldResolver(() => TeacherEligibility, { nullable: true, description: `Eligibility in a year under the one-vote veto, per purpose, with the reasons (${PERSONAL})` })
  @Directive(REQUIRES_SCHOOL)
  async eligibility(@Root() t: TeacherRef, @Arg('year', () => Int) year: number, @Ctx() ctx: GovernanceContext): Promise<TeacherEligibility | null> {
    requireYear(year);
    return mayReadTeacher(ctx, t) ? eligibilityFor(ctx.loaders, t.id, year) : null;
  }
}
