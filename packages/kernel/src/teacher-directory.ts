import { GatewayClient, lookupTeachers, TeacherDirectoryEntry } from './gateway-client';

/**
 * What a service needs to check the teachers its records point at: personnel's answer, by id.
 * Services take one in their server options, so tests can give a fixed one.
 */
export interface TeacherDirectory {
  /** the teachers personnel knows among `ids` (absent ids are unknown to personnel) */
  lookup(ids: readonly string[]): Promise<Map<string, TeacherDirectoryEntry>>;
}

/** The directory backed by personnel, asked through the gateway with a service token. */
export function gatewayTeacherDirectory(gateway: GatewayClient): TeacherDirectory {
  return { lookup: (ids) => lookupTeachers(gateway, ids) };
}

/** A fixed directory, for tests. */
export function staticTeacherDirectory(entries: readonly TeacherDirectoryEntry[]): TeacherDirectory {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    lookup: async (ids) => new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!])),
  };
}

/** What services need to know of a school personnel owns. */
export interface SchoolDirectoryEntry {
  readonly id: string;
  readonly name: string;
  /** PUBLIC (公办) or PRIVATE (民办) */
  readonly sponsor: string;
}

/** The schools personnel knows, by id: a record naming a school personnel does not know is rejected. */
export interface SchoolDirectory {
  /** the schools personnel knows among `ids` (absent ids are unknown to personnel) */
  lookup(ids: readonly string[]): Promise<Map<string, SchoolDirectoryEntry>>;
  /** how many schools the district has */
  count(): Promise<number>;
}

/** The school directory backed by personnel, asked through the gateway (one request per 1,000 ids). */
export function gatewaySchoolDirectory(gateway: GatewayClient): SchoolDirectory {
  return {
    async lookup(ids) {
      const out = new Map<string, SchoolDirectoryEntry>();
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += 1000) {
        const chunk = unique.slice(i, i + 1000);
        const data = await gateway.request<{ schools: { nodes: SchoolDirectoryEntry[] } }>(
          'query SchoolDirectory($ids: [ID!]!, $first: Int) { schools(first: $first, filter: { ids: $ids }) { nodes { id name sponsor } } }',
          { ids: chunk, first: chunk.length },
        );
        for (const s of data.schools.nodes) out.set(s.id, s);
      }
      return out;
    },
    async count() {
      const data = await gateway.request<{ schools: { totalCount: number } }>('query SchoolCount { schools(first: 1) { totalCount } }');
      return data.schools.totalCount;
    },
  };
}

/** A fixed school directory, for tests. */
export function staticSchoolDirectory(entries: readonly SchoolDirectoryEntry[]): SchoolDirectory {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    lookup: async (ids) => new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!])),
    count: async () => byId.size,
  };
}
