/**
 * 居民身份证 numbers (GB 11643-1999): normalising what files hold, and checking the check digit
 * (ISO 7064 MOD 11-2), the birth date and the sex digit. One module for the services and the importer.
 */
import { isIsoDate, systemClock } from './clock';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem =
  | 'ID_NUMBER_REQUIRED'
  | 'ID_NUMBER_PRECISION_LOST'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_CHECK_DIGIT'
  | 'ID_NUMBER_BIRTH_DATE_MISMATCH'
  | 'ID_NUMBER_GENDER_MISMATCH';

export type IdNumberResult =
  | { readonly ok: true; readonly value: string; readonly birthDate: string; readonly gender: 'MALE' | 'FEMALE' }
  | { readonly ok: false; readonly code: IdNumberProblem; readonly message: string };

/** Full-width digits and letters made ASCII, spaces removed, a lower-case check letter x upper-cased. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u00a0\u200b]+/g, '').toUpperCase();
}

/** The check character an 18-digit number must end with, given its first 17 digits. */
export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** `410102********1234`: what roles without the right to see the whole number are shown. */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

const fail = (code: IdNumberProblem, message: string): IdNumberResult => ({ ok: false, code, message });


export interface IdNumberExpectations {
  /** 出生日期 as given elsewhere on the record, 'YYYY-MM-DD' */
  readonly birthDate?: string;
  readonly gender?: 'MALE' | 'FEMALE';
  /** the date the check is made on (birth dates after it are refused): a plan's `now`; the system clock's today by default */
  readonly today?: Date;
}

/**
 * Checks a 居民身份证 number as a cell or a request gives it. A JavaScript number, or text in
 * scientific notation, means Excel stored the column as numbers and dropped the last digits: such a
 * value is refused with a message saying how to fix the column, never stored.
 * @example checkIdNumber(' 11010519491231002x ') // { ok: true, value: '11010519491231002X', … }
 */
export function checkIdNumber(raw: unknown, expect: IdNumberExpectations = {}): IdNumberResult {
  if (raw === null || raw === undefined || String(raw).trim() === '') return fail('ID_NUMBER_REQUIRED', '身份证件号不能为空');
  const shown = typeof raw === 'number' ? String(raw) : String(raw).trim();
  const scientific = /^\d(\.\d+)?E\+?\d+$/i.test(normalizeIdNumber(shown));
  if ((typeof raw === 'number' && (raw >= 1e15 || !Number.isInteger(raw))) || scientific) {
    return fail(
      'ID_NUMBER_PRECISION_LOST',
      `身份证件号“${shown}”被 Excel 存成了数字，最后几位已经丢失，无法使用。请把该列设为“文本”格式，重新输入完整的 18 位号码`,
    );
  }
  const value = normalizeIdNumber(String(raw));
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail('ID_NUMBER_FORMAT', `身份证件号“${shown}”格式不对：应为 18 位，前 17 位是数字，最后一位是数字或 X（现为 ${value.length} 位）`);
  }
  const today = expect.today ?? systemClock.now();
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (Number(value.slice(6, 10)) < 1900 || !isIsoDate(birthDate) || Date.parse(`${birthDate}T00:00:00Z`) > today.getTime()) {
    return fail('ID_NUMBER_BIRTH_DATE', `身份证件号“${shown}”第 7–14 位“${value.slice(6, 14)}”不是有效的出生日期`);
  }
  const expected = checkDigit(value);
  if (value[17] !== expected) {
    return fail('ID_NUMBER_CHECK_DIGIT', `身份证件号“${shown}”校验位不对：按 GB 11643 计算，最后一位应为 ${expected}，请核对号码是否输错`);
  }
  const gender = Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  if (expect.birthDate && expect.birthDate !== birthDate) {
    return fail('ID_NUMBER_BIRTH_DATE_MISMATCH', `出生日期 ${expect.birthDate} 与身份证件号“${shown}”中的出生日期 ${birthDate} 不一致`);
  }
  if (expect.gender && expect.gender !== gender) {
    const label = (g: string) => (g === 'MALE' ? '男' : '女');
    return fail(
      'ID_NUMBER_GENDER_MISMATCH',
      `性别“${label(expect.gender)}”与身份证件号“${shown}”不一致：第 17 位为 ${value[16]}，应为${label(gender)}`,
    );
  }
  return { ok: true, value, birthDate, gender };
}
