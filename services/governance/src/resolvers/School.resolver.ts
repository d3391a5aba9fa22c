import { graphqlEnum, REFORM_STATUS, requirePrincipal, requireYear } from '@tw/kernel';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SchoolRef } from '../entities/school-ref';
import { ReformStatus, SchoolReform } from '../entities/school-reform.entity';
import { GovernanceContext } from '../context';

/** The fields governance adds to School: not personal, every signed-in role reads them. */
@Resolver(() => SchoolRef)
export class SchoolResolver {
  @FieldResolver(() => graphqlEnum(REFORM_STATUS), { description: '党组织领导的校长负责制: where the school stands now (NOT_STARTED when nothing was recorded)' })
  async reformStatus(@Root() s: SchoolRef, @Ctx() ctx: GovernanceContext): Promise<ReformStatus> {
    requirePrincipal(ctx);
    return (await ctx.loaders.reformBySchool.load(s.id))?.status ?? 'NOT_STARTED';
  }

  @FieldResolver(() => SchoolReform, { nullable: true, description: 'The school’s reform record with its dates (null when nothing was recorded)' })
  async reform(@Root() s: SchoolRef, @Ctx() ctx: GovernanceContext): Promise<SchoolReform | null> {
    requirePrincipal(ctx);
    return ctx.loaders.reformBySchool.load(s.id);
  }

  @FieldResolver(() => Int, { description: 'Inspections/evaluations held at the school in a year' })
  async inspectionCount(@Root() s: SchoolRef, @Arg('year', () => Int) year: number, @Ctx() ctx: GovernanceContext): Promise<number> {
    requirePrincipal(ctx);
    return ctx.loaders.inspectionCount.load({ schoolId: s.id, year: requireYear(year) });
  }
}
