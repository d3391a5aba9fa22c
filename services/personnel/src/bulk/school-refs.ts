import { cleanText, reject, Rejection } from '@tw/kernel';
import { EntityManager, In } from 'typeorm';
import { School } from '../entities/school.entity';

export interface SchoolRef {
  schoolId?: string | null;
  schoolCode?: string | null;
  schoolName?: string | null;
}

/**
 * Resolves the schools a batch of rows names (by id, 学校标识码 or exact name) in at most three
 * queries, and returns a function that answers each row's school or why it has none.
 */
export async function resolveSchoolRefs(m: EntityManager, refs: readonly SchoolRef[]): Promise<(ref: SchoolRef) => School | Rejection> {
  const ids = new Set<string>();
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const r of refs) {
    if (r.schoolId) ids.add(r.schoolId);
    const code = cleanText(r.schoolCode);
    if (code) codes.add(code);
    const name = cleanText(r.schoolName);
    if (name) names.add(name);
  }
  const repo = m.getRepository(School);
  const [byIdRows, byCodeRows, byNameRows] = await Promise.all([
    ids.size ? repo.findBy({ id: In([...ids]) }) : [],
    codes.size ? repo.findBy({ code: In([...codes]) }) : [],
    names.size ? repo.findBy({ name: In([...names]) }) : [],
  ]);
  const byId = new Map(byIdRows.map((s) => [s.id, s]));
  const byCode = new Map(byCodeRows.map((s) => [s.code, s]));
  const byName = new Map(byNameRows.map((s) => [s.name, s]));

  return (ref) => {
    const found: School[] = [];
    if (ref.schoolId) {
      const s = byId.get(ref.schoolId);
      if (!s) return reject('SCHOOL_NOT_FOUND', `学校 id“${ref.schoolId}”不存在`, 'schoolId');
      found.push(s);
    }
    const code = cleanText(ref.schoolCode);
    if (code) {
      const s = byCode.get(code);
      if (!s) return reject('SCHOOL_NOT_FOUND', `学校标识码“${code}”不存在，请先导入学校或核对标识码`, 'schoolCode');
      found.push(s);
    }
    const name = cleanText(ref.schoolName);
    if (name) {
      const s = byName.get(name);
      if (!s) return reject('SCHOOL_NOT_FOUND', `学校名称“${name}”不存在，请填写与系统中完全一致的学校全称`, 'schoolName');
      found.push(s);
    }
    if (!found.length) return reject('SCHOOL_REQUIRED', '缺少学校：请填写学校标识码或学校名称', 'schoolCode');
    if (found.some((s) => s.id !== found[0].id)) {
      return reject('SCHOOL_MISMATCH', `学校标识码与学校名称指向不同的学校（${found.map((s) => `${s.code} ${s.name}`).join('、')}）`, 'schoolName');
    }
    return found[0];
  };
}
