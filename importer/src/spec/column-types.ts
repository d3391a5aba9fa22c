import { checkIdNumber, Classification, classifyByKeywords, classifyStaffStatus, keywordPool, CodeTable, ID_TYPE, normalizeIdNumber, parseStaffStatus, ParsedStaffStatus, STAFF_STATUS, staffStatusLabel } from '@tw/kernel';
import { CellValue, cellText, cleanCellText, compact } from './cell';
import { formatDate, formatMonth, fromSerial, readDate } from './dates';

/** Something a person should know about a value that was read (a word classified, a date form guessed, text cut). */
export interface ParseWarning {
  readonly code: string;
  readonly reason: string;
}

/**
 * What reading one cell gave: the value (with a warning when it was read from words or a guessed
 * form), or why it cannot be used (stable code, Chinese reason).
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly warning?: ParseWarning }
  | { readonly ok: false; readonly code: string; readonly reason: string };

export const ok = <T>(value: T, warning?: ParseWarning): Parsed<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
export const bad = (code: string, reason: string): Parsed<never> => ({ ok: false, code, reason });

/** The other cells of the row, for types whose reading depends on them (身份证件号 on 身份证件类型). */
export interface RowCells {
  raw(key: string): CellValue;
}

/** How a column's cells are read, written back (templates, generated files) and documented. */
export interface ColumnType<T> {
  /** what the column holds, for KINDS.md and the 说明 sheet */
  readonly describe: string;
  /** the values a drop-down offers (data validation in templates) */
  readonly choices?: readonly string[];
  parse(raw: CellValue, row: RowCells): Parsed<T>;
  /** a value of the mutation's input as a school would write it in the cell */
  format(value: unknown): CellValue;
  /** the cell as a person saw it, for the error report (a date read as a serial number shown as a date) */
  display?(raw: CellValue): CellValue;
  /** the national code table the column reads (KINDS.md prints its keyword table) */
  readonly table?: CodeTable<string>;
}

/** A date cell read without styles comes as Excel's serial day number: shown as the date it is. */
function displaySerial(raw: CellValue): CellValue {
  if (typeof raw === 'number' && raw >= 1 && raw <= 73415 && !(raw >= 1900 && raw <= 2100)) return formatDate(fromSerial(raw));
  return raw;
}

const shown = (v: CellValue) => cellText(v).trim();

/**
 * Free text, trimmed, full-width letters and digits made half-width, at most `max` characters.
 * With `truncate` (a description, not a name) longer text is cut to `max` with a warning instead of
 * refused.
 */
export function text(max: number, describe = `文本，最多 ${max} 字`, o: { truncate?: boolean } = {}): ColumnType<string> {
  return {
    describe: o.truncate ? `${describe}（超出部分截去，并给出警告）` : describe,
    parse(raw) {
      const s = cleanCellText(raw);
      if (s === null) return bad('REQUIRED', '不能为空');
      if (s.length > max && o.truncate) return ok(s.slice(0, max), { code: 'TEXT_TRUNCATED', reason: `超过 ${max} 个字（现为 ${s.length} 个），只保留前 ${max} 个字` });
      if (s.length > max) return bad('TOO_LONG', `超过 ${max} 个字（现为 ${s.length} 个）`);
      return ok(s);
    },
    format: (v) => (v === null || v === undefined ? null : String(v)),
  };
}

/** 学校标识码: ten digits (a number cell keeps them all). */
export function schoolCode(): ColumnType<string> {
  return {
    describe: '10 位数字（学校标识码）',
    parse(raw) {
      const s = compact(cellText(raw));
      if (!/^\d{10}$/.test(s)) return bad('SCHOOL_CODE_FORMAT', '学校标识码应为 10 位数字');
      return ok(s);
    },
    format: (v) => (v === null || v === undefined ? null : String(v)),
  };
}

/** A whole number within bounds; text such as “12” is accepted. */
export function int(min: number, max: number, describe = `整数（${min}–${max}）`): ColumnType<number> {
  return {
    describe,
    parse(raw) {
      const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(compact(cellText(raw))) ? Number(compact(cellText(raw))) : NaN;
      if (!Number.isInteger(n)) return bad('NOT_AN_INTEGER', '应为整数');
      if (n < min || n > max) return bad('OUT_OF_RANGE', `应在 ${min} 到 ${max} 之间`);
      return ok(n);
    },
    format: (v) => (typeof v === 'number' ? v : null),
  };
}

/**
 * A year: 2024, “2024年”, “2024年度”, or a real Excel date (its year). With `ofDate`, a date or a
 * month written as text counts too (师德考核时间 is often the date of the assessment).
 */
export function year(o: { ofDate?: boolean } = {}): ColumnType<number> {
  return {
    describe: o.ofDate ? '年份，如 2024、2024年（写成日期或年月时取其年份）' : '年份，如 2024、2024年',
    parse(raw) {
      const r = readDate(raw);
      if (!r.ok || (r.parts.m !== undefined && !(raw instanceof Date) && !o.ofDate)) return bad('YEAR_INVALID', '不是有效的年份，应写作 2024 或 2024年');
      return ok(r.parts.y);
    },
    format: (v) => (typeof v === 'number' ? v : null),
  };
}

const MAX_YUAN = 100_000_000;

/**
 * An amount of money in yuan, to the fen: a number, or text such as “12,345.60”, “12345元”, “￥12345”.
 * Read as the decimal text the subgraphs' `Yuan` scalar takes ("12345.60"); a third decimal is
 * refused, never rounded.
 */
export function yuan(): ColumnType<string> {
  return {
    describe: '金额（元），最多两位小数，如 12345.60；可带千位分隔符或“元”',
    parse(raw) {
      let s: string;
      if (typeof raw === 'number') {
        // a formula's result carries binary noise (12345.600000000002): within it, the fen is the value
        const fen = Math.round(raw * 100);
        if (Math.abs(raw * 100 - fen) > 1e-7 * Math.max(1, Math.abs(fen))) return bad('AMOUNT_PRECISION', '金额最多两位小数（到分），请勿填写更小的单位');
        s = (fen / 100).toFixed(2);
      } else {
        s = compact(cellText(raw)).replace(/^[¥￥]/, '').replace(/元$/, '').replace(/[,，]/g, '');
      }
      const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
      if (!m) return bad('AMOUNT_INVALID', '不是有效的金额，应写作数字，如 12345.60');
      if (m[1]) return bad('AMOUNT_NEGATIVE', '金额不能为负数');
      const fraction = (m[3] ?? '').replace(/0+$/, '');
      if (fraction.length > 2) return bad('AMOUNT_PRECISION', '金额最多两位小数（到分），请勿填写更小的单位');
      const whole = m[2].replace(/^0+(?=\d)/, '');
      if (Number(whole) > MAX_YUAN) return bad('AMOUNT_TOO_LARGE', `金额超过 ${MAX_YUAN} 元，请核对单位是否为元`);
      return ok(`${whole}.${fraction.padEnd(2, '0')}`);
    },
    // a school's file holds amounts as numbers
    format: (v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : typeof v === 'number' ? v : null),
  };
}

const DATE_FORMS = '2019-09-01、2019/9/1、2019.9.1、2019年9月1日、20190901 或 Excel 日期';
const MONTH_FORMS = '2019-09、2019.09、2019/9、2019年9月、201909 或 Excel 日期';

function dateReason(code: string, forms: string): Parsed<never> {
  if (code === 'DATE_AMBIGUOUS') {
    return bad(code, '无法确定月份：Excel 把“2019.10”存成了数字 2019.1，与 2019 年 1 月无法区分。请把该列设为文本，写作 2019-01 或 2019-10');
  }
  return bad('DATE_INVALID', `不是有效的日期，可写作 ${forms}`);
}

/** A value read from a guessed date form says what it was read as. */
function guessed(r: { guessed?: boolean }, shownAs: string): ParseWarning | undefined {
  return r.guessed ? { code: 'DATE_GUESSED', reason: `按 Excel 日期序号读作 ${shownAs}，请核对（建议把该列设为日期或写作 2019-09-01）` } : undefined;
}

/** A month, stored YYYY-MM; a full date is accepted and its day dropped. */
export function month(): ColumnType<string> {
  return {
    describe: `年月，可写作 ${MONTH_FORMS}`,
    parse(raw) {
      const r = readDate(raw);
      if (!r.ok) return dateReason(r.code, MONTH_FORMS);
      if (r.parts.m === undefined) return bad('DATE_INCOMPLETE', '只有年份，应写到月，如 2019-09');
      return ok(formatMonth(r.parts), guessed(r, formatMonth(r.parts)));
    },
    format: (v) => (typeof v === 'string' ? v : null),
    display: displaySerial,
  };
}

/** A calendar date, stored YYYY-MM-DD. */
export function date(): ColumnType<string> {
  return {
    describe: `日期，可写作 ${DATE_FORMS}`,
    parse(raw) {
      const r = readDate(raw);
      if (!r.ok) return dateReason(r.code, DATE_FORMS);
      if (r.parts.d === undefined) return bad('DATE_INCOMPLETE', '应写到日，如 2019-09-01');
      return ok(formatDate(r.parts), guessed(r, formatDate(r.parts)));
    },
    format: (v) => (typeof v === 'string' ? v : null),
    display: displaySerial,
  };
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The last day of a period, stored YYYY-MM-DD: a date as it is, a month as its last day, a year as
 * 12-31 (有效期至 2027 means to the end of 2027).
 */
export function endDate(): ColumnType<string> {
  return {
    describe: `日期，可写作 ${DATE_FORMS}；只写年或年月时为该年或该月的最后一天`,
    parse(raw) {
      const r = readDate(raw);
      if (!r.ok) return dateReason(r.code, DATE_FORMS);
      const { y, m = 12 } = r.parts;
      const end = formatDate({ y, m, d: r.parts.d ?? lastDay(y, m) });
      return ok(end, guessed(r, end));
    },
    format: (v) => (typeof v === 'string' ? v : null),
    display: displaySerial,
  };
}

const YES = new Set(['是', 'Y', 'YES', '1', 'TRUE', '√', '✓', '对', '有']);
const NO = new Set(['否', 'N', 'NO', '0', 'FALSE', '×', '✗', '不是', '无']);
/** Words that say yes or no in any yes/no column: read with a warning. */
const YES_WORDS = ['是的', '对的'];
const NO_WORDS = ['否的', '不是的', '不对'];

/**
 * 是/否, 1/0, Y/N, TRUE/FALSE or the coded 1-是 / 0-否. `words` are what a column's files write in
 * words (是否在编: 在编 / 不在编, 编外): a cell containing such words is read with a warning, the
 * longer word winning (不在编 is no, not 在编); words saying both are refused.
 */
export function bool(words: { readonly yes?: readonly string[]; readonly no?: readonly string[] } = {}): ColumnType<boolean> {
  const pool = keywordPool<boolean>('bool', [
    ...[...(words.yes ?? []), ...YES_WORDS].map((w) => [w, true] as const),
    ...[...(words.no ?? []), ...NO_WORDS].map((w) => [w, false] as const),
  ]);
  const own = [...(words.yes ?? []), ...(words.no ?? [])];
  const accepted = `应填“是”或“否”（也可写 1/0、Y/N、1-是、0-否${own.length ? `、${own.join('、')}` : ''}）`;
  return {
    describe: `是/否（也可写 1/0、Y/N、1-是、0-否${own.length ? `；${own.join('、')}按词义读取并提示` : ''}）`,
    choices: ['是', '否'],
    parse(raw) {
      if (typeof raw === 'boolean') return ok(raw);
      const s = compact(cellText(raw)).toUpperCase();
      if (YES.has(s)) return ok(true);
      if (NO.has(s)) return ok(false);
      const m = /^([012])[-—_.、:：]?(是|否)$/.exec(s);
      if (m && (m[1] === '1') === (m[2] === '是')) return ok(m[2] === '是');
      const c = classifyByKeywords(s, pool);
      if (c && 'value' in c) return ok(c.value, { code: 'BOOLEAN_CLASSIFIED', reason: `按“${c.keyword}”读作“${c.value ? '是' : '否'}”，请核对` });
      if (c) return bad('BOOLEAN_AMBIGUOUS', `既有“${c.ambiguous.find((a) => a.value)!.keyword}”又有“${c.ambiguous.find((a) => !a.value)!.keyword}”，无法确定：${accepted}`);
      return bad('BOOLEAN_INVALID', accepted);
    },
    format: (v) => (v === true ? '是' : v === false ? '否' : null),
  };
}

function listed(choices: readonly string[], max = 12): string {
  return choices.length <= max ? choices.join('、') : `${choices.slice(0, max).join('、')} 等 ${choices.length} 项（见模板的下拉列表）`;
}

/**
 * A value read from words by keywords, or why not: one value named reads with a warning saying how;
 * several named is refused, naming them and the accepted values.
 */
function fromWords<V>(c: Classification<V> | undefined, raw: CellValue, label: (v: V) => string, title: string, accepted: string): Parsed<V> | undefined {
  if (!c) return undefined;
  const shown = cleanCellText(raw) ?? '';
  if ('value' in c) return ok(c.value, { code: 'CODE_CLASSIFIED', reason: `“${shown}”按关键词“${c.keyword}”读作${title}“${label(c.value)}”，请核对` });
  const named = c.ambiguous.map((a) => `“${label(a.value)}”（关键词“${a.keyword}”）`).join('、');
  return bad('CODE_AMBIGUOUS', `“${shown}”同时像 ${named}，无法确定是哪一个${title}：请填 ${accepted}`);
}

/**
 * A value of a national code table, as its label, its code or `code-label`; words that are none of
 * these are read by the table's keywords (本科学历 → 大学本科, 线上线下 → 面授+网络) with a warning,
 * refused when they name several values.
 */
export function coded<V extends string>(table: CodeTable<V>): ColumnType<V> {
  const choices = table.choices();
  return {
    describe: `${table.title}代码表：${choices.join('、')}（可填名称、代码或“代码-名称”${table.classifies ? '；其他写法按关键词识别并提示，见文末关键词表' : ''}）`,
    choices,
    table: table as unknown as CodeTable<string>,
    parse(raw) {
      const v = table.parse(cellText(raw));
      if (v !== undefined) return ok(v);
      const words = fromWords(table.classify(cellText(raw)), raw, (x) => table.label(x), table.title, listed(choices));
      return words ?? bad('CODE_INVALID', `不是有效的${table.title}，可填 ${listed(choices)}`);
    },
    format: (v) => (typeof v === 'string' && table.has(v) ? table.label(v as V) : null),
  };
}

/** 人员状态: 100 在本单位任职, 2xx 暂未在本单位任职 with a sub-status, or a leaving state. */
export function staffStatus(): ColumnType<ParsedStaffStatus> {
  const choices = ['100-在本单位任职', '暂未在本单位任职-借出', '暂未在本单位任职-长病假', '暂未在本单位任职-进修', '暂未在本单位任职-交流轮岗', '暂未在本单位任职-待退休', '调出', '退休', '离职', '死亡'];
  return {
    describe: '人员状态：100 在本单位任职；2xx 暂未在本单位任职（可带子状态，如 201-借出、暂未在本单位任职-进修）；调出、退休、离职、死亡',
    choices,
    parse(raw) {
      const v = parseStaffStatus(cellText(raw));
      if (v) return ok(v);
      const words = fromWords(classifyStaffStatus(cellText(raw)), raw, staffStatusLabel, '人员状态', choices.join('、'));
      return words ?? bad('CODE_INVALID', `不是有效的人员状态，可填 ${choices.join('、')}`);
    },
    format(v) {
      const s = v as { status?: string; statusCode?: string | null; statusDetail?: string | null } | null;
      if (!s?.status || !STAFF_STATUS.has(s.status)) return null;
      if (s.status === 'IN_SERVICE') return '100-在本单位任职';
      if (s.status === 'NOT_AT_POST') return `${s.statusCode ?? '暂未在本单位任职'}-${s.statusDetail ?? '其他'}`;
      return STAFF_STATUS.label(s.status as never);
    },
  };
}

/**
 * 身份证件号: for 居民身份证 (the default type) checked by GB 11643 (a number cell that lost its
 * last digits is refused, saying how to fix the column); other types stored as written.
 */
export function idNumber(idTypeKey?: string): ColumnType<string> {
  return {
    describe: '18 位居民身份证号（请把该列设为文本格式；x 可小写，空格和全角数字会被规范）；其他证件类型按原样保存',
    parse(raw, row) {
      const idType = (idTypeKey && ID_TYPE.parse(cellText(row.raw(idTypeKey)))) || 'RESIDENT_ID';
      if (idType !== 'RESIDENT_ID') {
        const v = normalizeIdNumber(shown(raw));
        if (!v) return bad('ID_NUMBER_REQUIRED', '身份证件号不能为空');
        if (v.length > 40) return bad('TOO_LONG', '超过 40 个字符');
        return ok(v);
      }
      const checked = checkIdNumber(typeof raw === 'number' ? raw : shown(raw));
      return checked.ok ? ok(checked.value) : bad(checked.code, checked.message);
    },
    format: (v) => (typeof v === 'string' ? v : null),
  };
}
