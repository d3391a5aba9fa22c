import { KindSpec, ResolvedRefs, SchoolReference, TeacherReference } from '../spec/kind-spec';
import type { GraphQLCaller } from '../jobs/gateway-caller';
import { defaultIdType, lookupTeachers, RefOutcome, RefProblem, sameName, SchoolDirectory, teacherKey, TeacherRecord } from './references';
import { ReadRow } from './row-reader';

export interface RefContext {
  readonly gateway: GraphQLCaller;
  readonly schools: SchoolDirectory;
  /** the school the upload names, for rows without a school column or value */
  readonly jobSchoolId?: string;
}

/** A school column that holds a 学校标识码 where a name was expected (a single 学校 column). */
const SCHOOL_CODE = /^\d{10}$/;

/** The code and the name a row names its school by (a code written in the name column counts as the code). */
function schoolOf(s: SchoolReference, values: Readonly<Record<string, unknown>>): { code?: string; name?: string } {
  let code = values[s.codeKey] as string | undefined;
  let name = values[s.nameKey] as string | undefined;
  if (!code && name && SCHOOL_CODE.test(name)) {
    code = name;
    name = undefined;
  }
  return { code, name };
}

const idTypeOf = (t: TeacherReference, values: Readonly<Record<string, unknown>>) => defaultIdType(t.idTypeKey ? values[t.idTypeKey] : undefined);

/**
 * Resolves the schools and teachers a batch of rows names, in a few gateway requests for the whole
 * batch (every teacher reference of every row in one lookup; schools remembered across batches),
 * and answers each row's references or why not.
 */
export async function resolveRefs(spec: KindSpec, rows: readonly ReadRow[], ctx: RefContext): Promise<RefOutcome[]> {
  const s = spec.school;
  const refs = spec.teachers ?? [];
  if (s) {
    const named = rows.map((r) => schoolOf(s, r.values));
    await ctx.schools.load(
      named.map((n) => n.code).filter((v): v is string => !!v),
      named.map((n) => n.name).filter((v): v is string => !!v),
    );
  }
  const wanted: Array<{ idType: string; idNumber: string }> = [];
  for (const r of rows) {
    for (const t of refs) {
      const number = r.values[t.idNumberKey];
      if (typeof number === 'string') wanted.push({ idType: idTypeOf(t, r.values), idNumber: number });
    }
  }
  const teachers = wanted.length ? await lookupTeachers(ctx.gateway, wanted) : new Map<string, TeacherRecord>();

  return rows.map((r): RefOutcome => {
    let schoolId: string | undefined;
    if (s) {
      const school = resolveSchool(s, r.values, ctx);
      if ('problem' in school) return { ok: false, problem: school.problem };
      schoolId = school.id;
    }
    const ids: Record<string, string> = {};
    let first: string | undefined;
    for (const t of refs) {
      const number = r.values[t.idNumberKey];
      if (typeof number !== 'string') continue;
      const found = teachers.get(teacherKey(idTypeOf(t, r.values), number));
      if (!found) {
        const reason = `${t.role ?? ''}身份证件号 ${number} 的教师不在教师名册中（或不属于本账号管理的学校），请先导入教师基本信息`;
        return { ok: false, problem: { key: t.idNumberKey, code: 'TEACHER_NOT_FOUND', reason } };
      }
      const name = t.nameKey ? r.values[t.nameKey] : undefined;
      if (t.nameKey && name !== undefined && !sameName(name, found.name)) {
        return { ok: false, problem: { key: t.nameKey, code: 'NAME_MISMATCH', reason: `${t.role ?? ''}姓名与身份证件号 ${number} 对应的教师“${found.name}”不一致` } };
      }
      ids[t.idField] = found.id;
      first ??= found.id;
    }
    const resolved: ResolvedRefs = refs.length ? { schoolId, teacherId: first, teachers: ids } : { schoolId };
    return { ok: true, refs: resolved };
  });
}

function resolveSchool(s: SchoolReference, values: Readonly<Record<string, unknown>>, ctx: RefContext): { id: string | undefined } | { problem: RefProblem } {
  const { code, name } = schoolOf(s, values);
  if (!code && !name) {
    if (ctx.jobSchoolId || s.optional) return { id: ctx.jobSchoolId };
    return { problem: { key: s.codeKey, code: 'SCHOOL_REQUIRED', reason: '缺少学校：请填写学校标识码或学校名称，或在上传时指明学校' } };
  }
  const byCode = code ? ctx.schools.code(code) : undefined;
  // a code written in the name column is shown there
  const codeKey = values[s.codeKey] === code ? s.codeKey : s.nameKey;
  if (code && !byCode) return { problem: { key: codeKey, code: 'SCHOOL_NOT_FOUND', reason: `学校标识码“${code}”不存在，请先导入学校或核对标识码` } };
  const byName = name ? ctx.schools.name(name) : undefined;
  if (name && !byName) return { problem: { key: s.nameKey, code: 'SCHOOL_NOT_FOUND', reason: `学校名称“${name}”不存在，请填写与系统中完全一致的学校全称` } };
  if (byCode && byName && byCode.id !== byName.id) {
    return { problem: { key: s.nameKey, code: 'SCHOOL_MISMATCH', reason: `学校标识码 ${byCode.code} 是“${byCode.name}”，与学校名称“${name}”不是同一所学校` } };
  }
  return { id: byCode?.id ?? byName?.id };
}
