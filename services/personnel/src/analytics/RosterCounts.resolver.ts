import { badInput, forbidden, requirePrincipal, todayInChina } from '@tw/kernel';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { PersonnelContext } from '../context';
import { rosterCountsAmong } from './roster-figures';
import { SchoolRosterCount, TeacherGroupInput } from './roster-count.type';

/** The most teacher ids one call may carry, over all its groups (a province's designated teachers are a few tens of thousands). */
export const MAX_ROSTER_IDS = 200_000;

@Resolver()
export class RosterCountsResolver {
  @Query(() => [SchoolRosterCount], {
    description:
      'Of each group of teachers given (by id), those serving on the group’s day, counted per school they were at then with the party members among them: how other services apply personnel’s definitions ' +
      `of "teacher", "public" and "party member" to the teachers their figures are about, in one statement (services only; at most ${MAX_ROSTER_IDS.toLocaleString('en')} ids)`,
  })
  async rosterCounts(
    @Arg('groups', () => [TeacherGroupInput]) groups: TeacherGroupInput[],
    @Ctx() ctx: PersonnelContext,
  ): Promise<SchoolRosterCount[]> {
    const p = requirePrincipal(ctx);
    // counts over a handful of ids would tell who is a party member: services only, never a user
    if (p.role !== 'SERVICE') throw forbidden('rosterCounts answers the platform’s services only');
    const ids = groups.reduce((n, g) => n + g.teacherIds.length, 0);
    if (ids > MAX_ROSTER_IDS) throw badInput(`At most ${MAX_ROSTER_IDS} teacher ids a call; got ${ids}`, { field: 'groups' });
    const today = todayInChina(ctx.clock);
    const counts = await rosterCountsAmong(ctx.ds, groups.map((g) => ({ key: g.key, teacherIds: g.teacherIds, day: g.asOf ?? today })));
    return counts.map((c) => Object.assign(new SchoolRosterCount(), { key: c.key, schoolId: c.schoolId, public: c.isPublic, teachers: c.teachers, partyMembers: c.partyMembers }));
  }
}
