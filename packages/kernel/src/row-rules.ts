/**
 * Small rules every bulk plan uses on its rows: text cleaned the same way everywhere, rejections
 * built the same way (the users' calendar is calendar.ts).
 */

/** Trimmed, full-width made half-width, inner runs of space made one; empty becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** A row refused, with a stable code and a message for people. */
export interface Rejection {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export const reject = (code: string, message: string, field?: string): Rejection => ({ code, message, field });

export const isRejection = (v: unknown): v is Rejection =>
  typeof v === 'object' && v !== null && typeof (v as Rejection).code === 'string' && typeof (v as Rejection).message === 'string';

/** A required text field, within a length; `title` names it for people (姓名). */
// control characters (NUL…), bidirectional overrides and isolates (U+202E turns text around), lone surrogates
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A refusal of text holding a character no one can see or that changes how the text reads, naming its code point; null when the text is clean. */
export function unsafeText(s: string, field: string, title: string): Rejection | null {
  const m = UNSAFE_CHARACTER.exec(s);
  if (!m) return null;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return reject('BAD_CHARACTER', `${title}含有不可见的控制字符或文字方向控制符（${code}），请删除后重新填写`, field);
}

export function requiredText(value: string | null | undefined, field: string, title: string, max: number): string | Rejection {
  const s = cleanText(value);
  if (!s) return reject('REQUIRED', `${title}不能为空`, field);
  const bad = unsafeText(s, field, title);
  if (bad) return bad;
  if (s.length > max) return reject('TOO_LONG', `${title}“${s}”超过 ${max} 个字`, field);
  return s;
}

export function optionalText(value: string | null | undefined, field: string, title: string, max: number): string | null | Rejection {
  const s = cleanText(value);
  if (s) {
    const bad = unsafeText(s, field, title);
    if (bad) return bad;
  }
  if (s && s.length > max) return reject('TOO_LONG', `${title}“${s}”超过 ${max} 个字`, field);
  return s;
}

/**
 * The one answer to a row naming a teacher the caller may not write, whether there is no such
 * teacher or the teacher belongs to a school outside the caller's reach: the two are worded the same,
 * with the same code, so that no dry run, write or import tells them apart (an ID number of another
 * school must not be confirmed, nor its holder's name). A registration of another school's teacher
 * is the bureau's to make (调入须由区教育局办理), which the message says for both.
 * @param shown how the row named the teacher: `身份证件号 4101…` or `教师 id“…”`, as the caller sent it
 * @example if (!t || !canWriteSchool(p, t.schoolId)) return teacherOutOfReach(`身份证件号 ${number}`, 'idNumber');
 */
export function teacherOutOfReach(shown: string, field: string): Rejection {
  return reject(
    'TEACHER_NOT_FOUND',
    `${shown} 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息`,
    field,
  );
}

/**
 * The answer to a registration (upsertTeachers) of an ID number the caller may not use: held by a
 * teacher of a school outside the caller's reach, or for any other reason. It names nothing of the
 * other school and does not say the number is held, so it reads true whatever the reason; cross-school
 * registrations are the bureau's to make until the review workflow routes them there.
 */
export function idNumberUnavailable(number: string, field = 'idNumber'): Rejection {
  return reject('ID_NUMBER_UNAVAILABLE', `身份证件号 ${number} 不能由本账号登记或修改：请核对证件类型与号码；他校教师调入本校须由区教育局办理`, field);
}
