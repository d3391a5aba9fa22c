import { BulkPlan, canWriteSchool, checkIdNumber, cleanText, currentMonthInChina, ID_TYPE, idNumberUnavailable, isRejection, newId, normalizeIdNumber, optionalText, Planned, Principal, reject, requiredText, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { Teacher } from '../entities/teacher.entity';
import { TeacherInput } from '../inputs/teacher.input';
import { sameValue } from './rules';
import { resolveSchoolRefs } from './school-refs';

/** The columns an upsert writes (everything but id and created_at). */
const COLUMNS = [
  'school_id', 'staff_no', 'name', 'gender', 'id_type', 'id_number', 'birth_date', 'ethnicity', 'political_status',
  'work_start_month', 'school_start_month', 'in_quota', 'employment_form', 'post_category', 'professional_title',
  'education', 'teaching_stage', 'teaching_subject', 'status', 'status_code', 'status_detail', 'extra', 'updated_at',
];
/** The properties compared to tell an update from an unchanged row. */
const COMPARED: Array<keyof Teacher> = [
  'schoolId', 'staffNo', 'name', 'gender', 'birthDate', 'ethnicity', 'politicalStatus', 'workStartMonth', 'schoolStartMonth',
  'inQuota', 'employmentForm', 'postCategory', 'professionalTitle', 'education', 'teachingStage', 'teachingSubject',
  'status', 'statusCode', 'statusDetail', 'extra',
];

export function teacherKey(r: Pick<TeacherInput, 'idType' | 'idNumber'>): string {
  return `${r.idType ?? 'RESIDENT_ID'}:${normalizeIdNumber(r.idNumber ?? '')}`;
}

function normalizedIdNumber(r: TeacherInput, today: Date): string | ReturnType<typeof reject> {
  if (r.idType === 'RESIDENT_ID') {
    const checked = checkIdNumber(r.idNumber, { birthDate: r.birthDate, gender: r.gender, today });
    return checked.ok ? checked.value : reject(checked.code, checked.message, checked.code.includes('BIRTH_DATE_MISMATCH') ? 'birthDate' : checked.code.includes('GENDER') ? 'gender' : 'idNumber');
  }
  const v = normalizeIdNumber(r.idNumber ?? '');
  if (!v) return reject('ID_NUMBER_REQUIRED', '身份证件号不能为空', 'idNumber');
  if (v.length > 40) return reject('TOO_LONG', `身份证件号“${v}”超过 40 个字符`, 'idNumber');
  return v;
}

/** Validates a teacher row apart from its school and the stored record; `now` is the request's clock, `month` its month (YYYY-MM, UTC+8). */
function validate(r: TeacherInput, month: string, now: Date): Omit<Teacher, 'id' | 'schoolId' | 'createdAt' | 'updatedAt'> | ReturnType<typeof reject> {
  const name = requiredText(r.name, 'name', '姓名', 50);
  if (isRejection(name)) return name;
  const idNumber = normalizedIdNumber(r, now);
  if (isRejection(idNumber)) return idNumber;
  if (r.workStartMonth > month) return reject('MONTH_IN_FUTURE', `参加工作年月 ${r.workStartMonth} 晚于本月`, 'workStartMonth');
  if (r.schoolStartMonth > month) return reject('MONTH_IN_FUTURE', `进本校年月 ${r.schoolStartMonth} 晚于本月`, 'schoolStartMonth');
  if (r.workStartMonth <= r.birthDate.slice(0, 7)) {
    return reject('WORK_BEFORE_BIRTH', `参加工作年月 ${r.workStartMonth} 不能早于出生日期 ${r.birthDate}`, 'workStartMonth');
  }
  if (r.schoolStartMonth < r.workStartMonth) {
    return reject('SCHOOL_BEFORE_WORK', `进本校年月 ${r.schoolStartMonth} 不能早于参加工作年月 ${r.workStartMonth}`, 'schoolStartMonth');
  }
  if (!r.inQuota && !r.employmentForm) {
    return reject('EMPLOYMENT_FORM_REQUIRED', '是否在编为“否”时必须填写用人形式（合同制、人事代理、劳务派遣或其他）', 'employmentForm');
  }
  const statusCode = cleanText(r.statusCode);
  if (statusCode) {
    const ok = r.status === 'IN_SERVICE' ? statusCode === '100' : r.status === 'NOT_AT_POST' ? /^2\d\d$/.test(statusCode) : false;
    if (!ok) return reject('STATUS_CODE_MISMATCH', `人员状态代码 ${statusCode} 与人员状态“${r.status}”不一致`, 'statusCode');
  }
  const staffNo = optionalText(r.staffNo, 'staffNo', '教职工号', 30);
  if (isRejection(staffNo)) return staffNo;
  const teachingStage = optionalText(r.teachingStage, 'teachingStage', '任教学段', 30);
  if (isRejection(teachingStage)) return teachingStage;
  const teachingSubject = optionalText(r.teachingSubject, 'teachingSubject', '任教学科', 30);
  if (isRejection(teachingSubject)) return teachingSubject;
  const statusDetail = optionalText(r.statusDetail, 'statusDetail', '人员状态', 30);
  if (isRejection(statusDetail)) return statusDetail;
  const extraPairs = (r.extra ?? []).map((e) => [cleanText(e.name), cleanText(e.value)] as const).filter(([k, v]) => k && v);
  const extra = extraPairs.length ? JSON.stringify(Object.fromEntries(extraPairs)) : null;
  if (extra && extra.length > 20_000) return reject('TOO_LONG', '其他信息列过多或过长', 'extra');
  return {
    staffNo,
    name,
    gender: r.gender,
    idType: r.idType ?? 'RESIDENT_ID',
    idNumber,
    birthDate: r.birthDate,
    ethnicity: r.ethnicity,
    politicalStatus: r.politicalStatus,
    workStartMonth: r.workStartMonth,
    schoolStartMonth: r.schoolStartMonth,
    inQuota: r.inQuota,
    employmentForm: r.inQuota ? null : (r.employmentForm ?? null),
    postCategory: r.postCategory ?? null,
    professionalTitle: r.professionalTitle ?? null,
    education: r.education ?? null,
    teachingStage,
    teachingSubject,
    status: r.status,
    statusCode: statusCode ?? (r.status === 'IN_SERVICE' ? '100' : null),
    statusDetail: r.status === 'NOT_AT_POST' ? statusDetail : null,
    extra,
  };
}

/**
 * Upserting teachers by ID type + number: the school resolved by id, code or name; the ID number
 * checked (GB 11643, agreeing with 出生日期 and 性别); a SCHOOL_ADMIN writes only their own school's
 * teachers, and cannot take over a teacher another school holds.
 */
export function teacherPlan(principal: Principal, now: Date): BulkPlan<TeacherInput, Teacher> {
  return {
    name: 'teachers',
    key: teacherKey,
    async plan(items, m) {
      const month = currentMonthInChina(now);
      const schoolOf = await resolveSchoolRefs(m, items.map((i) => i.row));
      const numbers = [...new Set(items.map((i) => normalizeIdNumber(i.row.idNumber ?? '')))];
      const stored = await m.getRepository(Teacher).findBy({ idNumber: In(numbers) });
      const byKey = new Map(stored.map((t) => [`${t.idType}:${t.idNumber}`, t]));
      return items.map(({ row }): Planned<Teacher> => {
        if (!ID_TYPE.has(row.idType ?? 'RESIDENT_ID')) return reject('BAD_ID_TYPE', `身份证件类型“${row.idType}”无效`, 'idType');
        const school = schoolOf(row);
        if (isRejection(school)) return school;
        if (!canWriteSchool(principal, school.id)) {
          return reject('SCHOOL_FORBIDDEN', `无权写入学校“${school.name}”的教师：本账号只能维护本校（${principal.schoolId ?? '无'}）的数据`, 'schoolCode');
        }
        const fields = validate(row, month, now);
        if (isRejection(fields)) return fields;
        const existing = byKey.get(`${fields.idType}:${fields.idNumber}`);
        if (existing && !canWriteSchool(principal, existing.schoolId) && principal.role !== 'SCHOOL_ADMIN') {
          // worded as for a number the caller may not use for any reason: nothing of the other school is confirmed
          return idNumberUnavailable(fields.idNumber);
        }
        // a SCHOOL_ADMIN registering a number another school holds plans a move to its school: the review
        // policy holds it (a new school), so the answer is the pending submission any new teacher gets,
        // and the bureau sees it as a transfer
        const next: Teacher = {
          ...fields,
          id: existing?.id ?? newId(),
          schoolId: school.id,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = COMPARED.some((k) => !sameValue(existing[k], next[k]));
        return changed ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, Teacher, rows, COLUMNS),
    audit: {
      entity: 'teacher',
      target: Teacher,
      teacherIdOf: (t) => t.id,
      // a teacher joins a school (created, or moved with a new 进本校年月) on that month's first day
      validFromOf: (t, before) => (!before || before.schoolStartMonth !== t.schoolStartMonth ? `${t.schoolStartMonth}-01` : null),
    },
  };
}
