import { badInput, requirePrincipal } from '@tw/kernel';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MIN_YEAR } from '../bulk/values';
import { SchoolRef } from '../entities/school-ref';
import { DevelopmentContext } from '../context';
import { SchoolDevelopmentFigures } from './school-figures.type';

/** The fields this subgraph adds to School: aggregates, readable by every signed-in role (ANALYST included). */
@Resolver(() => SchoolRef)
export class SchoolResolver {
  @FieldResolver(() => SchoolDevelopmentFigures, { description: "The school's training, designation, studio, lesson and mentoring figures for a year" })
  professionalDevelopment(@Root() s: SchoolRef, @Arg('year', () => Int) year: number, @Ctx() ctx: DevelopmentContext): SchoolDevelopmentFigures {
    requirePrincipal(ctx);
    if (year < MIN_YEAR || year > 2100) throw badInput(`year must be from ${MIN_YEAR} to 2100; got ${year}`);
    return SchoolDevelopmentFigures.of(s.id, year);
  }
}
