import { AppError, ErrorCode, GatewayClient, TeacherDirectory } from '@tw/kernel';

/** What governance needs to know of a school personnel owns. */
export interface SchoolDirectoryEntry {
  readonly id: string;
  readonly name: string;
}

/**
 * The schools of the district as personnel knows them, asked by id (the school-side twin of the
 * kernel's TeacherDirectory). Server options take one, so tests can give a fixed one.
 */
export interface SchoolDirectory {
  /** the schools personnel knows among `ids` (absent ids are unknown to personnel) */
  lookup(ids: readonly string[]): Promise<Map<string, SchoolDirectoryEntry>>;
  /** how many schools the district has */
  count(): Promise<number>;
}

/** The directory backed by personnel's `schools(filter: { ids })`, asked through the gateway with a service token, 1,000 ids a request. */
export function gatewaySchoolDirectory(gateway: GatewayClient): SchoolDirectory {
  return {
    async lookup(ids) {
      const out = new Map<string, SchoolDirectoryEntry>();
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += 1000) {
        const data = await gateway.request<{ schools: { nodes: SchoolDirectoryEntry[] } }>(
          'query SchoolDirectory($ids: [ID!]!) { schools(first: 1000, filter: { ids: $ids }) { nodes { id name } } }',
          { ids: unique.slice(i, i + 1000) },
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

/** A fixed directory, for tests. */
export function staticSchoolDirectory(entries: readonly SchoolDirectoryEntry[]): SchoolDirectory {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    lookup: async (ids) => new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!])),
    count: async () => byId.size,
  };
}

const noGateway = () => new AppError(ErrorCode.UNAVAILABLE, 'governance was started without a gateway URL, so it cannot ask personnel about teachers and schools');

/** Directories for a server started with neither a gateway URL nor directories: every lookup fails clearly. */
export const unreachableDirectories: { teachers: TeacherDirectory; schools: SchoolDirectory } = {
  teachers: { lookup: async () => Promise.reject(noGateway()) },
  schools: { lookup: async () => Promise.reject(noGateway()), count: async () => Promise.reject(noGateway()) },
};
