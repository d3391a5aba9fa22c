import { CellValue, compact } from './cell';

/** A calendar date, a month or a year read from a cell; `d`/`m` absent when the cell had none. */
export interface DateParts {
  readonly y: number;
  readonly m?: number;
  readonly d?: number;
}

/** `guessed`: read from a form that may mean something else (an Excel serial number written as text) */
export type DateReading = { ok: true; parts: DateParts; guessed?: boolean } | { ok: false; code: 'DATE_INVALID' | 'DATE_AMBIGUOUS' };

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** the serial of 2100-12-31: larger numbers are not dates of this domain */
const MAX_SERIAL = 73415;

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function checked(y: number, m?: number, d?: number): DateReading {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) return { ok: false, code: 'DATE_INVALID' };
  if (m === undefined) return { ok: true, parts: { y } };
  if (!Number.isInteger(m) || m < 1 || m > 12) return { ok: false, code: 'DATE_INVALID' };
  if (d === undefined) return { ok: true, parts: { y, m } };
  if (!realDate(y, m, d)) return { ok: false, code: 'DATE_INVALID' };
  return { ok: true, parts: { y, m, d } };
}

/** An Excel serial day number (1900 date system) as a date; the time of day is dropped. */
export function fromSerial(serial: number): DateParts {
  const dt = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function fromNumber(n: number): DateReading {
  if (Number.isInteger(n)) {
    if (n >= MIN_YEAR && n <= MAX_YEAR) return checked(n);
    if (n >= 190001 && n <= 210012) return checked(Math.floor(n / 100), n % 100);
    if (n >= 19000101 && n <= 21001231) return checked(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  } else if (n >= MIN_YEAR && n < MAX_YEAR + 1) {
    // 2019.09 typed into a number cell: the digits after the point are the month; 2019.1 may have
    // been 2019.10 before Excel dropped the zero, so it cannot be read either way
    const [y, frac] = String(n).split('.');
    if (frac === '1') return { ok: false, code: 'DATE_AMBIGUOUS' };
    if (frac.length <= 2) return checked(Number(y), Number(frac));
    return { ok: false, code: 'DATE_INVALID' };
  }
  if (n >= 1 && n <= MAX_SERIAL) {
    const p = fromSerial(n);
    return checked(p.y, p.m, p.d);
  }
  return { ok: false, code: 'DATE_INVALID' };
}

const SEPARATED = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:(?:[-./月]\s*(\d{1,2})\s*日?)|月)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function fromText(raw: string): DateReading {
  const s = compact(raw).replace(/[.。]$/, '');
  let m = SEPARATED.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})?$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^(\d{4})年?度?$/.exec(s);
  if (m) return checked(Number(m[1]));
  // a serial number written as text (a CSV made from a sheet whose dates were not formatted)
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const r = fromNumber(Number(s));
    return r.ok ? { ...r, guessed: true } : r;
  }
  return { ok: false, code: 'DATE_INVALID' };
}

/**
 * Reads a date-like cell in every form school files use: a real Excel date, a serial number,
 * 2019-09, 2019.09, 2019/9/1, 2019年9月, 201909 (text or number), 20190901, 2019-09-01, 2019.
 * @example readDate('2019年9月') // { ok: true, parts: { y: 2019, m: 9 } }
 */
export function readDate(v: CellValue): DateReading {
  if (v instanceof Date) return checked(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') return fromNumber(v);
  if (typeof v === 'string') return fromText(v);
  return { ok: false, code: 'DATE_INVALID' };
}

const pad = (n: number) => String(n).padStart(2, '0');
export const formatMonth = (p: DateParts) => `${p.y}-${pad(p.m!)}`;
export const formatDate = (p: DateParts) => `${p.y}-${pad(p.m!)}-${pad(p.d!)}`;
