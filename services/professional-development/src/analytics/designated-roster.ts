import { GatewayClient } from '@tw/kernel';

/** Of a group of teachers, those serving on the group's day at one school, as personnel counts them. */
export interface RosterCount {
  readonly key: string;
  readonly schoolId: string;
  readonly public: boolean;
  readonly teachers: number;
  readonly partyMembers: number;
}

/** Teachers to count, under a label. */
export interface TeacherGroup {
  readonly key: string;
  readonly teacherIds: readonly string[];
  /** the day they are counted on (YYYY-MM-DD): where and as what they were then */
  readonly asOf: string;
}

/**
 * Personnel's definitions applied to the teachers a figure is about: which served on a day (a year's statistics day), where, whether
 * the school is public, which are party members. This service passes its designated teachers (about a
 * tenth of the roster) and gets counts back: it never sees the roster, and personnel never sees designations.
 */
export interface DesignatedRoster {
  countsAmong(groups: readonly TeacherGroup[]): Promise<RosterCount[]>;
}

const QUERY = 'query RosterCounts($groups: [TeacherGroupInput!]!) { rosterCounts(groups: $groups) { key schoolId public teachers partyMembers } }';

/** Personnel's rosterCounts, asked through the gateway with a service token: one request, one statement there. */
export function gatewayDesignatedRoster(gateway: GatewayClient): DesignatedRoster {
  return {
    async countsAmong(groups) {
      if (!groups.some((g) => g.teacherIds.length)) return [];
      const data = await gateway.request<{ rosterCounts: RosterCount[] }>(QUERY, { groups: groups.map((g) => ({ key: g.key, teacherIds: [...g.teacherIds], asOf: g.asOf })) });
      return data.rosterCounts;
    },
  };
}
