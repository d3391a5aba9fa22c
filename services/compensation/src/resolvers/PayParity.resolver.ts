import { requirePrincipal } from '@tw/kernel';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { PayParity } from '../figures/pay-parity.type';
import { CompensationContext } from '../context';
import { figuresFor } from './figures';

@Resolver(() => PayParity)
export class PayParityResolver {
  @Query(() => PayParity, {
    description:
      "Teachers' average annual income against the civil servants' for a year, district-wide and per public school (any signed-in role; figures over fewer than 5 teachers are withheld, with the next smallest so none can be worked out from the total, the same for every reader but DISTRICT_ADMIN)",
  })
  async payParity(@Arg('year', () => Int) year: number, @Ctx() ctx: CompensationContext): Promise<PayParity> {
    requirePrincipal(ctx);
    return (await figuresFor(ctx.loaders.payTables, year)).parity;
  }
}
