import { checkIdNumber, IdNumberResult, maskIdNumber, normalizeIdNumber } from '@tw/kernel';

/**
 * ISO 7064 MOD 11-2 by its recursive definition (not the weight table the kernel uses), so the
 * tests do not share a mistake with the code under test.
 */
function mod11_2(first17: string): string {
  let p = 0;
  for (const ch of first17) p = ((p + Number(ch)) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

/** A valid 18-digit number from area code, birth date (YYYYMMDD) and the 3-digit sequence. */
function idNumber(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth}${seq}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`bad test data ${first17}`);
  return first17 + mod11_2(first17);
}

/** The same text with ASCII digits and letters turned into their full-width forms. */
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A check digit that is not the right one. */
const wrongDigit = (right: string) => (right === '1' ? '2' : '1');

function failure(r: IdNumberResult): { code: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
}

const MALE = idNumber('410102', '19900101', '123'); // 17th digit 3: male
const FEMALE = idNumber('410102', '19850615', '242'); // 17th digit 2: female
const TODAY = new Date('2024-06-01T12:00:00Z');

describe('the independent MOD 11-2 used by these tests', () => {
  it('reproduces the check characters of published examples', () => {
    // The example number in GB 11643 and its X check character.
    expect(mod11_2('11010519491231002')).toBe('X');
    expect(mod11_2('44052418800101001')).toBe('4');
    expect(idNumber('410102', '19900101', '123')).toBe('410102199001011234');
  });
});

describe('checkIdNumber: valid numbers', () => {
  it('accepts a valid male number and reads the birth date and sex from it', () => {
    expect(checkIdNumber(MALE)).toEqual({ ok: true, value: MALE, birthDate: '1990-01-01', gender: 'MALE' });
  });

  it('accepts a valid female number', () => {
    expect(checkIdNumber(FEMALE)).toEqual({ ok: true, value: FEMALE, birthDate: '1985-06-15', gender: 'FEMALE' });
  });

  it('reads the sex from the 17th digit: odd is male, even (including 0) is female', () => {
    for (let d = 0; d <= 9; d++) {
      const n = idNumber('110105', '19700310', `01${d}`);
      const r = checkIdNumber(n);
      expect(r).toMatchObject({ ok: true, gender: d % 2 === 1 ? 'MALE' : 'FEMALE' });
    }
  });

  it('accepts every check character 0–9 and X when it is the right one', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 400 && seen.size < 11; seq++) {
      const n = idNumber('320106', '19781123', String(seq).padStart(3, '0'));
      seen.add(n[17]);
      expect(checkIdNumber(n)).toMatchObject({ ok: true, value: n });
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('accepts a check letter x written in lower case and stores it upper-case', () => {
    const r = checkIdNumber('11010519491231002x');
    expect(r).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it('ignores surrounding spaces, tabs, non-breaking and full-width spaces', () => {
    for (const raw of [`  ${MALE} `, `\t${MALE}\n`, `\u00a0${MALE}\u00a0`, `\u3000${MALE}\u3000`]) {
      expect(checkIdNumber(raw)).toMatchObject({ ok: true, value: MALE });
    }
  });

  it('normalises full-width digits and a full-width Ｘ', () => {
    expect(fullWidth(MALE)).toBe('４１０１０２１９９００１０１１２３４');
    expect(checkIdNumber(fullWidth(MALE))).toEqual({ ok: true, value: MALE, birthDate: '1990-01-01', gender: 'MALE' });
    expect(checkIdNumber(fullWidth('11010519491231002x'))).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('accepts a birth date on 29 February of a leap year, and on the check day itself', () => {
    expect(checkIdNumber(idNumber('410102', '20000229', '123'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(checkIdNumber(idNumber('410102', '20240601', '123'), { today: TODAY })).toMatchObject({ ok: true, birthDate: '2024-06-01' });
  });

  it('accepts the earliest allowed year, 1900', () => {
    expect(checkIdNumber(idNumber('410102', '19000101', '123'))).toMatchObject({ ok: true, birthDate: '1900-01-01' });
  });

  it('accepts a number whose birth date and sex agree with the record', () => {
    expect(checkIdNumber(MALE, { birthDate: '1990-01-01', gender: 'MALE' })).toMatchObject({ ok: true, value: MALE });
    expect(checkIdNumber(FEMALE, { birthDate: '1985-06-15', gender: 'FEMALE' })).toMatchObject({ ok: true, value: FEMALE });
  });
});

describe('checkIdNumber: missing values', () => {
  it.each([[''], ['   '], [null], [undefined]])('refuses %p as required', (raw) => {
    expect(failure(checkIdNumber(raw))).toEqual({ ok: false, code: 'ID_NUMBER_REQUIRED', message: '身份证件号不能为空' });
  });
});

describe('checkIdNumber: numbers that lost precision in Excel', () => {
  it('refuses a JavaScript number (the cell was stored as a number) and says how to fix the column', () => {
    // 410102199001011234 cannot be held exactly in a double; this is what a spreadsheet reader hands over.
    // eslint-disable-next-line @typescript-eslint/no-loss-of-precision
    const r = failure(checkIdNumber(410102199001011234));
    expect(r.code).toBe('ID_NUMBER_PRECISION_LOST');
    expect(r.message).toContain(`“${String(410102199001011234)}”`);
    expect(r.message).toContain('Excel');
    expect(r.message).toContain('丢失');
    expect(r.message).toContain('文本');
    expect(r.message).toContain('18 位');
  });

  it('refuses the scientific notation Excel shows, naming the value', () => {
    const r = failure(checkIdNumber('4.10102199001011E+17'));
    expect(r.code).toBe('ID_NUMBER_PRECISION_LOST');
    expect(r.message).toContain('“4.10102199001011E+17”');
    expect(r.message).toContain('文本');
  });

  it('refuses scientific notation in lower case or with surrounding spaces', () => {
    expect(failure(checkIdNumber('4.10102199001011e+17')).code).toBe('ID_NUMBER_PRECISION_LOST');
    const r = failure(checkIdNumber('  4.10102E+17 '));
    expect(r.code).toBe('ID_NUMBER_PRECISION_LOST');
    expect(r.message).toContain('“4.10102E+17”');
  });

  it('refuses a non-integer number', () => {
    expect(failure(checkIdNumber(41010.5)).code).toBe('ID_NUMBER_PRECISION_LOST');
  });

  it('never returns a value for such input', () => {
    // eslint-disable-next-line @typescript-eslint/no-loss-of-precision
    for (const raw of [410102199001011234, 110105194912310020, '4.10102199001011E+17']) {
      expect(checkIdNumber(raw).ok).toBe(false);
    }
  });
});

describe('checkIdNumber: wrong length or format', () => {
  it.each([
    ['41010219900101123', 17],
    ['4101021990010112345', 19],
    ['410102900101123', 15],
    ['12345', 5],
  ])('refuses %s (%i characters) and names the value and its length', (raw, length) => {
    const r = failure(checkIdNumber(raw));
    expect(r.code).toBe('ID_NUMBER_FORMAT');
    expect(r.message).toContain(`“${raw}”`);
    expect(r.message).toContain('18 位');
    expect(r.message).toContain(`现为 ${length} 位`);
  });

  it.each([
    ['41010219900101X234'], // X not in the last place
    ['4101021990O1011234'], // the letter O for a zero
    ['410102-19900101-1234'],
    ['41010219900101123Y'],
  ])('refuses %s', (raw) => {
    const r = failure(checkIdNumber(raw));
    expect(r.code).toBe('ID_NUMBER_FORMAT');
    expect(r.message).toContain(`“${raw}”`);
  });

  it('treats a short number given as a JavaScript number as a format problem, naming it', () => {
    const r = failure(checkIdNumber(123456));
    expect(r.code).toBe('ID_NUMBER_FORMAT');
    expect(r.message).toContain('“123456”');
  });
});

describe('checkIdNumber: impossible birth dates', () => {
  it.each([
    ['19900230', '30 February'],
    ['19000229', '29 February of 1900, not a leap year'],
    ['19901301', 'month 13'],
    ['19900001', 'month 00'],
    ['19900100', 'day 00'],
    ['19900431', '31 April'],
    ['18991231', 'the year 1899'],
  ])('refuses %s (%s) and names the digits', (birth) => {
    const n = idNumber('410102', birth, '123');
    const r = failure(checkIdNumber(n));
    expect(r.code).toBe('ID_NUMBER_BIRTH_DATE');
    expect(r.message).toContain(`“${n}”`);
    expect(r.message).toContain(`“${birth}”`);
    expect(r.message).toContain('不是有效的出生日期');
  });

  it('refuses a birth date after the check day', () => {
    const n = idNumber('410102', '20240602', '123');
    const r = failure(checkIdNumber(n, { today: TODAY }));
    expect(r.code).toBe('ID_NUMBER_BIRTH_DATE');
    expect(r.message).toContain('“20240602”');
  });

  it('refuses a birth date in the future with the real clock', () => {
    const n = idNumber('410102', '20990101', '123');
    const r = failure(checkIdNumber(n));
    expect(r.code).toBe('ID_NUMBER_BIRTH_DATE');
    expect(r.message).toContain(`“${n}”`);
  });
});

describe('checkIdNumber: check digit', () => {
  it('refuses a wrong check digit and names the digit expected', () => {
    const right = MALE[17];
    const bad = MALE.slice(0, 17) + wrongDigit(right);
    const r = failure(checkIdNumber(bad));
    expect(r.code).toBe('ID_NUMBER_CHECK_DIGIT');
    expect(r.message).toContain(`“${bad}”`);
    expect(r.message).toContain(`最后一位应为 ${right}`);
    expect(r.message).toContain('GB 11643');
  });

  it('names X when X is expected', () => {
    const r = failure(checkIdNumber('110105194912310021'));
    expect(r.code).toBe('ID_NUMBER_CHECK_DIGIT');
    expect(r.message).toContain('最后一位应为 X');
  });

  it('refuses an X where a digit is expected', () => {
    const bad = MALE.slice(0, 17) + 'X';
    const r = failure(checkIdNumber(bad));
    expect(r.code).toBe('ID_NUMBER_CHECK_DIGIT');
    expect(r.message).toContain(`最后一位应为 ${MALE[17]}`);
  });

  it('catches a single mistyped digit and two swapped neighbours', () => {
    const typo = MALE.slice(0, 3) + ((Number(MALE[3]) + 1) % 10) + MALE.slice(4);
    expect(failure(checkIdNumber(typo)).code).toBe('ID_NUMBER_CHECK_DIGIT');
    // swap digits 15 and 16 (the sequence number), which differ
    const swapped = MALE.slice(0, 14) + MALE[15] + MALE[14] + MALE.slice(16);
    expect(swapped).not.toBe(MALE);
    expect(failure(checkIdNumber(swapped)).code).toBe('ID_NUMBER_CHECK_DIGIT');
  });

  it('shows the value as it was written (trimmed) in the message', () => {
    const bad = MALE.slice(0, 17) + wrongDigit(MALE[17]);
    const r = failure(checkIdNumber(`  ${bad}  `));
    expect(r.message).toContain(`“${bad}”`);
  });
});

describe('checkIdNumber: agreement with the record', () => {
  it('refuses a birth date that differs from the number, naming both dates and the number', () => {
    const r = failure(checkIdNumber(MALE, { birthDate: '1990-01-02' }));
    expect(r.code).toBe('ID_NUMBER_BIRTH_DATE_MISMATCH');
    expect(r.message).toContain('1990-01-02');
    expect(r.message).toContain('1990-01-01');
    expect(r.message).toContain(`“${MALE}”`);
    expect(r.message).toContain('不一致');
  });

  it('refuses a sex that differs from the 17th digit, naming the digit and both sexes', () => {
    const r = failure(checkIdNumber(MALE, { gender: 'FEMALE' }));
    expect(r.code).toBe('ID_NUMBER_GENDER_MISMATCH');
    expect(r.message).toBe(`性别“女”与身份证件号“${MALE}”不一致：第 17 位为 3，应为男`);

    const f = failure(checkIdNumber(FEMALE, { gender: 'MALE' }));
    expect(f.code).toBe('ID_NUMBER_GENDER_MISMATCH');
    expect(f.message).toContain('性别“男”');
    expect(f.message).toContain('第 17 位为 2');
    expect(f.message).toContain('应为女');
  });

  it('checks the number itself before comparing it with the record', () => {
    const bad = MALE.slice(0, 17) + wrongDigit(MALE[17]);
    expect(failure(checkIdNumber(bad, { birthDate: '2000-01-01', gender: 'FEMALE' })).code).toBe('ID_NUMBER_CHECK_DIGIT');
  });
});

describe('normalizeIdNumber', () => {
  it('makes full-width characters ASCII, drops white space and upper-cases x', () => {
    expect(normalizeIdNumber(' １１０１０５ １９４９１２３１ ００２ｘ ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x\u200b')).toBe('11010519491231002X');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first six and last four characters of an 18-character number', () => {
    expect(maskIdNumber('410102199001011234')).toBe('410102********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks other lengths the same way, and hides short values entirely', () => {
    expect(maskIdNumber('410102900101123')).toBe('410102*****1123');
    expect(maskIdNumber('E12345678')).toBe('*********');
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });

  it('never shows the birth date', () => {
    const masked = maskIdNumber(MALE);
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('19900101');
  });
});
