import { canWriteSchool, Principal, Rejection, SchoolDirectory, SchoolDirectoryEntry } from '@tw/kernel';
import { reject } from './rules';

export type SchoolOf = (schoolId: string, field?: string) => SchoolDirectoryEntry | Rejection;

/**
 * Asks personnel for the schools a batch of rows names (by id; the importer resolves codes and
 * names), before the write transaction opens, and answers each id: the school, or why the row may
 * not name it — unknown to personnel, or not a SCHOOL_ADMIN's own.
 */
export async function resolveSchools(directory: SchoolDirectory, principal: Principal, ids: readonly string[]): Promise<SchoolOf> {
  const known = ids.length ? await directory.lookup([...new Set(ids)]) : new Map<string, SchoolDirectoryEntry>();
  return (id, field = 'schoolId') => {
    const s = known.get(id);
    if (!s) return reject('SCHOOL_NOT_FOUND', `学校 id“${id}”在人事系统中不存在`, field);
    if (!canWriteSchool(principal, s.id)) return reject('SCHOOL_FORBIDDEN', `无权写入学校“${s.name}”的数据：本账号只能维护本校（${principal.schoolId ?? '无'}）的数据`, field);
    return s;
  };
}
