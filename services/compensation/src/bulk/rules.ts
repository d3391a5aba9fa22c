import { currentYearInChina, isFinishedYear, PersonnelAnswer, Rejection, SERVING_STATUSES, TeacherDirectoryEntry } from '@tw/kernel';
import { Fen, formatYuan } from '../money/fen';

export const reject = (code: string, message: string, field?: string): Rejection => ({ code, message, field });

export const isRejection = (v: unknown): v is Rejection => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;

/** The first year records are accepted for. */
export const MIN_YEAR = 2000;

/** A year of pay (or a benchmark) must have ended in the users' calendar, UTC+8. */
export function finishedYear(year: number, now: Date, field = 'year'): Rejection | null {
  if (!Number.isInteger(year) || year < MIN_YEAR) return reject('BAD_YEAR', `年度 ${year} 无效`, field);
  if (!isFinishedYear(year, now)) return reject('YEAR_NOT_FINISHED', `${year} 年度未满一年请下年度填报`, field);
  return null;
}

/** A year up to `ahead` years after the current one (UTC+8). */
export function yearUpTo(year: number, now: Date, ahead: number, field = 'year'): Rejection | null {
  if (!Number.isInteger(year) || year < MIN_YEAR) return reject('BAD_YEAR', `年度 ${year} 无效`, field);
  const last = currentYearInChina(now) + ahead;
  if (year > last) return reject('YEAR_IN_FUTURE', `年度 ${year} 晚于 ${last} 年`, field);
  return null;
}

/**
 * An amount within [min, max] fen (null allowed when optional). The upper bound catches amounts
 * typed in fen or with extra zeros, which an exact column would otherwise keep.
 */
export function amount(value: Fen | null | undefined, o: { title: string; field: string; required?: boolean; positive?: boolean; max: Fen }): Rejection | null {
  if (value === null || value === undefined) return o.required ? reject('REQUIRED', `${o.title}不能为空`, o.field) : null;
  if (o.positive ? value <= 0n : value < 0n) return reject('BAD_AMOUNT', `${o.title} ${formatYuan(value)} 元无效：应${o.positive ? '大于' : '不小于'} 0`, o.field);
  if (value > o.max) return reject('AMOUNT_TOO_LARGE', `${o.title} ${formatYuan(value)} 元超过 ${formatYuan(o.max)} 元，请核对金额单位是否为元`, o.field);
  return null;
}

/** 10 million yuan: above any teacher's or civil servant's annual pay. */
export const MAX_ANNUAL_PAY: Fen = 10_000_000_00n;
/** 1 million yuan a month. */
export const MAX_MONTHLY: Fen = 1_000_000_00n;
/** 10 billion yuan: above any school's performance-pay total. */
export const MAX_ALLOCATION: Fen = 10_000_000_000_00n;

/** What a record keeps of the teacher's situation when it is written (as recorded). */
export interface Recorded {
  readonly schoolId: string;
  readonly schoolPublic: boolean;
  readonly teacherServing: boolean;
}

export function recordedOf(t: TeacherDirectoryEntry): Recorded {
  return {
    schoolId: t.school.id,
    schoolPublic: t.school.sponsor === 'PUBLIC',
    teacherServing: (SERVING_STATUSES as readonly string[]).includes(t.status),
  };
}

/**
 * The row's teacher, or why the row cannot name them: personnel's answer (unknown, or another
 * school's), then 姓名 when the row gives one and it is not theirs — checked only for a teacher the
 * caller may write, so a name is never confirmed to someone who may not read the record.
 */
export function teacherOfRow(personnel: PersonnelAnswer, row: { teacherId: string; name?: string | null }): TeacherDirectoryEntry | Rejection {
  const t = personnel.teacher(row.teacherId);
  if (isRejection(t)) return t;
  const name = row.name?.normalize('NFKC').replace(/\s+/g, '');
  if (name && name !== t.name.replace(/\s+/g, '')) return reject('NAME_MISMATCH', `姓名“${row.name}”与教师名册中的“${t.name}”不一致`, 'name');
  return t;
}
