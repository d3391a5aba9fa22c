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
