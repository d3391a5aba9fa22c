import { canWriteSchool, checkIdNumber, cleanText, normalizeIdNumber, Principal, reject, Rejection, teacherOutOfReach } from '@tw/kernel';
import { EntityManager, In } from 'typeorm';
import { IdType, Teacher } from '../entities/teacher.entity';

export interface TeacherRef {
  teacherId?: string | null;
  idType?: IdType | null;
  idNumber?: string | null;
  /** 姓名: when given, must agree with the record */
  name?: string | null;
}

/**
 * Resolves the teachers a batch of rows names (by id, or by ID type + number with the name that
 * must agree) in at most two queries. A SCHOOL_ADMIN may only name teachers of their own school:
 * another school's teacher is answered exactly as an unknown one, before the name is compared, so a
 * row never confirms a number nor tells whose it is.
 */
export async function resolveTeacherRefs(
  m: EntityManager,
  principal: Principal,
  refs: readonly TeacherRef[],
): Promise<(ref: TeacherRef) => Teacher | Rejection> {
  const ids = [...new Set(refs.map((r) => r.teacherId).filter((x): x is string => !!x))];
  const numbers = [...new Set(refs.filter((r) => !r.teacherId && r.idNumber).map((r) => normalizeIdNumber(r.idNumber!)))];
  const repo = m.getRepository(Teacher);
  const [byIdRows, byNumberRows] = await Promise.all([
    ids.length ? repo.findBy({ id: In(ids) }) : [],
    numbers.length ? repo.findBy({ idNumber: In(numbers) }) : [],
  ]);
  const byId = new Map(byIdRows.map((t) => [t.id, t]));
  const byNumber = new Map(byNumberRows.map((t) => [`${t.idType}:${t.idNumber}`, t]));

  return (ref) => {
    let t: Teacher | undefined;
    if (ref.teacherId) {
      t = byId.get(ref.teacherId);
      if (!t || !canWriteSchool(principal, t.schoolId)) return teacherOutOfReach(`教师 id“${ref.teacherId}”`, 'teacherId');
    } else {
      const idType = ref.idType ?? 'RESIDENT_ID';
      if (!ref.idNumber) return reject('ID_NUMBER_REQUIRED', '身份证件号不能为空', 'idNumber');
      if (idType === 'RESIDENT_ID') {
        const checked = checkIdNumber(ref.idNumber);
        if (!checked.ok) return reject(checked.code, checked.message, 'idNumber');
      }
      const number = normalizeIdNumber(ref.idNumber);
      t = byNumber.get(`${idType}:${number}`);
      if (!t || !canWriteSchool(principal, t.schoolId)) return teacherOutOfReach(`身份证件号 ${number}`, 'idNumber');
    }
    // compared only for a teacher the caller may write: a name is for whoever may read the record
    const name = cleanText(ref.name);
    if (name && name !== t.name) return reject('NAME_MISMATCH', `姓名“${name}”与身份证件号对应的教师“${t.name}”不一致`, 'name');
    return t;
  };
}
