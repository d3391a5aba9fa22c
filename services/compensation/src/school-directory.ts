import { GatewayClient } from '@tw/kernel';

/** What this service needs to know of a school personnel owns. */
export interface SchoolDirectoryEntry {
  readonly id: string;
  readonly name: string;
  /** PUBLIC (公办) or PRIVATE (民办) */
  readonly sponsor: string;
}

/**
 * The schools personnel knows, by id: performance-pay allocations name a school, and a school
 * personnel does not know is a rejected row. The kernel has a TeacherDirectory but no school one;
 * this is its counterpart, kept here until the kernel has one.
 */
export interface SchoolDirectory {
  lookup(ids: readonly string[]): Promise<Map<string, SchoolDirectoryEntry>>;
}

/** The directory backed by personnel, asked through the gateway (one request per 1,000 ids). */
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
  };
}

/** A fixed directory, for tests. */
export function staticSchoolDirectory(entries: readonly SchoolDirectoryEntry[]): SchoolDirectory {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { lookup: async (ids) => new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!])) };
}
