import { requirePrincipal } from '@tw/kernel';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { TalentTotals } from '../figures/talent-totals.type';
import { CompensationContext } from '../context';
import { figuresFor } from './figures';

@Resolver(() => TalentTotals)
export class TalentTotalsResolver {
  @Query(() => TalentTotals, {
    description: 'Talent assessments and subsidies of a year, in total and by category A/B/C (any signed-in role; small groups withheld from all but DISTRICT_ADMIN)',
  })
  async talentTotals(@Arg('year', () => Int) year: number, @Ctx() ctx: CompensationContext): Promise<TalentTotals> {
    requirePrincipal(ctx);
    return figuresFor(ctx.loaders.talentTotals, year);
  }
}
