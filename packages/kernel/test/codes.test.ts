import * as kernel from '@tw/kernel';
import {
  APPRAISAL_RESULT,
  CodeTable,
  CONTRACT_STATUS,
  EDUCATION,
  ETHICS_RESULT,
  ETHNICITY,
  GENDER,
  HONOR_LEVEL,
  ID_TYPE,
  NEGATIVE_LIST_ITEM,
  normalizeText,
  POLITICAL_STATUS,
  POST_CATEGORY,
  PRINCIPAL_RANK,
  PROFESSIONAL_TITLE,
  SANCTION,
  SANCTION_MONTHS,
  STAFF_STATUS,
  TRAINING_LEVEL,
  TRAINING_MODE,
} from '@tw/kernel';

/** Every code table the kernel exports, found by type so a table added later is covered too. */
const TABLES: [string, CodeTable<string>][] = Object.entries(kernel).filter(
  (e): e is [string, CodeTable<string>] => e[1] instanceof CodeTable,
);

/** ASCII digits, letters and punctuation turned into their full-width forms. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// The tables as /work/shared/codes.md gives them (code, label), written out here independently.
const GB3304 = `01 汉族 02 蒙古族 03 回族 04 藏族 05 维吾尔族 06 苗族 07 彝族 08 壮族 09 布依族 10 朝鲜族 11 满族 12 侗族
13 瑶族 14 白族 15 土家族 16 哈尼族 17 哈萨克族 18 傣族 19 黎族 20 傈僳族 21 佤族 22 畲族 23 高山族
24 拉祜族 25 水族 26 东乡族 27 纳西族 28 景颇族 29 柯尔克孜族 30 土族 31 达斡尔族 32 仫佬族 33 羌族
34 布朗族 35 撒拉族 36 毛南族 37 仡佬族 38 锡伯族 39 阿昌族 40 普米族 41 塔吉克族 42 怒族 43 乌孜别克族
44 俄罗斯族 45 鄂温克族 46 德昂族 47 保安族 48 裕固族 49 京族 50 塔塔尔族 51 独龙族 52 鄂伦春族
53 赫哲族 54 门巴族 55 珞巴族 56 基诺族 97 其他 98 外国血统中国籍人士`;
const pairs = (text: string): [string, string][] => {
  const tokens = text.split(/\s+/).filter(Boolean);
  const out: [string, string][] = [];
  for (let i = 0; i < tokens.length; i += 2) out.push([tokens[i], tokens[i + 1]]);
  return out;
};

const SPEC: [CodeTable<string>, [string, string][]][] = [
  [ETHNICITY, pairs(GB3304)],
  [
    POLITICAL_STATUS,
    pairs(`01 中国共产党党员 02 中国共产党预备党员 03 中国共产主义青年团团员 04 中国国民党革命委员会会员
      05 中国民主同盟盟员 06 中国民主建国会会员 07 中国民主促进会会员 08 中国农工民主党党员
      09 中国致公党党员 10 九三学社社员 11 台湾民主自治同盟盟员 12 无党派人士 13 群众`),
  ],
  [GENDER, pairs('1 男 2 女')],
  [TRAINING_LEVEL, pairs('10 国家级 20 省级 30 地市级 40 县级 60 校级 99 其他')],
  [TRAINING_MODE, pairs('1 长期脱产研修（一个月以上） 2 短期面授 3 网络研修 4 面授+网络 9 其他')],
  [HONOR_LEVEL, pairs('1 国家级 2 省级 3 地市级 4 县级 5 基层单位 8 国际 0 无')],
  [CONTRACT_STATUS, pairs('0 未签合同 1 聘用合同 2 劳动合同 3 其他合同')],
  [POST_CATEGORY, pairs('1 教师岗位 2 其他专业技术岗位 3 管理岗位 4 工勤技能岗位')],
  [
    NEGATIVE_LIST_ITEM,
    pairs(`1 坚定政治方向 2 自觉爱国守法 3 传播优秀文化 4 潜心教书育人 5 关心爱护学生 6 加强安全防范
      7 坚持言行雅正 8 秉持公平诚信 9 坚守廉洁自律 10 规范从教行为`),
  ],
];

describe('the national code tables match the standards', () => {
  it('finds the tables to check', () => {
    expect(TABLES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SPEC.map(([t, p]) => [t.name, t, p] as const))('%s has exactly the codes and labels of the standard', (_name, table, spec) => {
    expect(table.entries.map((e) => [e.code, e.label])).toEqual(spec);
  });

  it('ETHNICITY has the 58 entries of GB 3304: codes 01–56, 97 and 98', () => {
    expect(ETHNICITY.entries).toHaveLength(58);
    const expected = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98'];
    expect(ETHNICITY.entries.map((e) => e.code)).toEqual(expected);
    expect(ETHNICITY.parse('汉族')).toBe('HAN');
    expect(ETHNICITY.parse('01')).toBe('HAN');
    expect(ETHNICITY.parse('56-基诺族')).toBe('JINO');
    expect(ETHNICITY.parse('97')).toBe('OTHER');
    expect(ETHNICITY.parse('98 外国血统中国籍人士')).toBe('FOREIGN_ORIGIN');
  });

  it('ETHNICITY accepts a label written without 族, as its documentation promises (汉, 回)', () => {
    expect(ETHNICITY.parse('汉')).toBe('HAN');
    expect(ETHNICITY.parse('回')).toBe('HUI');
    expect(ETHNICITY.parse('蒙古')).toBe('MONGOL');
    expect(ETHNICITY.parse('土家')).toBe('TUJIA');
    expect(ETHNICITY.parse('土')).toBe('TU');
  });

  it('GENDER has no value for 0 未知的性别 or 9 未说明的性别', () => {
    expect(GENDER.values()).toEqual(['MALE', 'FEMALE']);
    expect(GENDER.parse('0')).toBeUndefined();
    expect(GENDER.parse('9')).toBeUndefined();
    expect(GENDER.parse('未说明的性别')).toBeUndefined();
  });

  it('SANCTION lists the five sanctions and how long each bars a teacher', () => {
    expect(SANCTION.entries.map((e) => e.label)).toEqual(['警告', '记过', '降低岗位等级', '撤职', '开除']);
    expect(SANCTION_MONTHS).toEqual({ WARNING: 6, DEMERIT: 12, DEMOTION: 24, REMOVAL: 24, EXPULSION: null });
  });

  it('appraisal and ethics results have the labels of the national forms', () => {
    expect(APPRAISAL_RESULT.entries.map((e) => e.label)).toEqual(['优秀', '合格', '基本合格', '不合格', '不定等次']);
    expect(ETHICS_RESULT.entries.map((e) => e.label)).toEqual(['优秀', '合格', '基本合格', '不合格']);
  });
});

describe('every code table', () => {
  it.each(TABLES)('%s: labels, codes and enum names are unique', (_name, table) => {
    const labels = table.entries.map((e) => normalizeText(e.label));
    expect(new Set(labels).size).toBe(labels.length);
    const codes = table.entries.flatMap((e) => (e.code === undefined ? [] : [e.code]));
    expect(new Set(codes).size).toBe(codes.length);
    const values = table.values();
    expect(new Set(values).size).toBe(values.length);
  });

  it.each(TABLES)('%s: every label, code, code-label, alias and enum name parses back to its value', (_name, table) => {
    for (const e of table.entries) {
      expect([e.label, table.parse(e.label)]).toEqual([e.label, e.value]);
      expect(table.parse(e.value)).toBe(e.value);
      expect(table.parse(e.value.toLowerCase())).toBe(e.value);
      expect(table.parse(` ${e.label} `)).toBe(e.value);
      expect(table.parse(fullWidth(e.label))).toBe(e.value);
      for (const alias of e.aliases ?? []) expect([alias, table.parse(alias)]).toEqual([alias, e.value]);
      if (e.code !== undefined) {
        expect(table.parse(e.code)).toBe(e.value);
        expect(table.parse(fullWidth(e.code))).toBe(e.value);
        for (const sep of ['-', ' ', '', '－', '—', '：', '、', '.']) {
          const text = `${e.code}${sep}${e.label}`;
          expect([text, table.parse(text)]).toEqual([text, e.value]);
        }
      }
    }
  });

  it.each(TABLES)('%s: each of choices() parses back, in entry order', (_name, table) => {
    expect(table.choices().map((c) => table.parse(c))).toEqual(table.values());
  });

  it.each(TABLES)('%s: the enum maps each value to itself and is frozen', (_name, table) => {
    expect(Object.keys(table.enum)).toEqual(table.values());
    for (const v of table.values()) expect(table.enum[v]).toBe(v);
    expect(Object.isFrozen(table.enum)).toBe(true);
  });

  it.each(TABLES)('%s: label(), code(), entry() and has() agree with the entries', (_name, table) => {
    for (const e of table.entries) {
      expect(table.has(e.value)).toBe(true);
      expect(table.label(e.value)).toBe(e.label);
      expect(table.code(e.value)).toBe(e.code);
      expect(table.entry(e.value)).toBe(e);
    }
    expect(table.has('NO_SUCH_VALUE')).toBe(false);
    expect(() => table.entry('NO_SUCH_VALUE')).toThrow(`${table.name} has no value NO_SUCH_VALUE`);
  });

  it.each(TABLES)('%s: nothing, blanks and unknown text parse to undefined', (_name, table) => {
    for (const raw of [null, undefined, '', '   ', '不存在的值', 'xyz-不存在', '999-其他的其他']) {
      expect([raw, table.parse(raw)]).toEqual([raw, undefined]);
    }
  });
});

describe('CodeTable.parse: the forms files use', () => {
  it('reads a label', () => {
    expect(TRAINING_LEVEL.parse('国家级')).toBe('NATIONAL');
    expect(GENDER.parse('女')).toBe('FEMALE');
    expect(POLITICAL_STATUS.parse('群众')).toBe('MASSES');
  });

  it('reads a code, given as text or as a number', () => {
    expect(TRAINING_LEVEL.parse('10')).toBe('NATIONAL');
    expect(TRAINING_LEVEL.parse(20)).toBe('PROVINCIAL');
    expect(GENDER.parse(1)).toBe('MALE');
    expect(POLITICAL_STATUS.parse('13')).toBe('MASSES');
    expect(ID_TYPE.parse('a')).toBe('PASSPORT');
  });

  it('reads code-label in the forms the national templates use', () => {
    expect(TRAINING_LEVEL.parse('10-国家级')).toBe('NATIONAL');
    expect(GENDER.parse('1-男')).toBe('MALE');
    expect(GENDER.parse('2-女')).toBe('FEMALE');
    expect(POLITICAL_STATUS.parse('01 中国共产党党员')).toBe('CPC_MEMBER');
    expect(POLITICAL_STATUS.parse('03-中国共产主义青年团团员')).toBe('CYL_MEMBER');
    expect(TRAINING_MODE.parse('4-面授+网络')).toBe('BLENDED');
    expect(TRAINING_MODE.parse('1-长期脱产研修（一个月以上）')).toBe('LONG_TERM_RELEASE');
    expect(HONOR_LEVEL.parse('0-无')).toBe('NONE');
    expect(NEGATIVE_LIST_ITEM.parse('10-规范从教行为')).toBe('REGULATED_PRACTICE');
    expect(ID_TYPE.parse('1-居民身份证')).toBe('RESIDENT_ID');
  });

  it('reads code-label with an alias as the label', () => {
    expect(POLITICAL_STATUS.parse('01-党员')).toBe('CPC_MEMBER');
    expect(TRAINING_LEVEL.parse('40-区级')).toBe('COUNTY');
  });

  it('refuses code-label whose code and label name different values', () => {
    expect(TRAINING_LEVEL.parse('10-省级')).toBeUndefined();
    expect(GENDER.parse('1-女')).toBeUndefined();
    expect(POLITICAL_STATUS.parse('02-中国共产党党员')).toBeUndefined();
    expect(HONOR_LEVEL.parse('2-国家级')).toBeUndefined();
  });

  it('refuses code-label with an unknown code or an unknown label', () => {
    expect(TRAINING_LEVEL.parse('50-国家级')).toBeUndefined();
    expect(TRAINING_LEVEL.parse('10-世界级')).toBeUndefined();
    expect(GENDER.parse('3-男')).toBeUndefined();
  });

  it('reads the everyday short forms and older names', () => {
    expect(POLITICAL_STATUS.parse('党员')).toBe('CPC_MEMBER');
    expect(POLITICAL_STATUS.parse('中共党员')).toBe('CPC_MEMBER');
    expect(POLITICAL_STATUS.parse('预备党员')).toBe('CPC_PROBATIONARY_MEMBER');
    expect(POLITICAL_STATUS.parse('团员')).toBe('CYL_MEMBER');
    expect(EDUCATION.parse('本科')).toBe('BACHELOR');
    expect(EDUCATION.parse('大专')).toBe('ASSOCIATE');
    expect(EDUCATION.parse('硕士研究生')).toBe('POSTGRADUATE');
    expect(PROFESSIONAL_TITLE.parse('中学高级教师')).toBe('SENIOR');
    expect(PROFESSIONAL_TITLE.parse('小学高级教师')).toBe('FIRST_GRADE');
    expect(PROFESSIONAL_TITLE.parse('中学一级教师')).toBe('FIRST_GRADE');
    expect(PROFESSIONAL_TITLE.parse('小学一级教师')).toBe('SECOND_GRADE');
    expect(PROFESSIONAL_TITLE.parse('幼儿园三级教师')).toBe('THIRD_GRADE');
    expect(PRINCIPAL_RANK.parse('高级')).toBe('SENIOR');
    expect(PRINCIPAL_RANK.parse('高级校长')).toBe('SENIOR');
    expect(GENDER.parse('男性')).toBe('MALE');
    expect(TRAINING_LEVEL.parse('国培')).toBe('NATIONAL');
    expect(HONOR_LEVEL.parse('市级')).toBe('MUNICIPAL');
  });

  it('reads the enum name, in any case', () => {
    expect(PROFESSIONAL_TITLE.parse('SENIOR')).toBe('SENIOR');
    expect(POLITICAL_STATUS.parse('cpc_member')).toBe('CPC_MEMBER');
    expect(STAFF_STATUS.parse('In_Service')).toBe('IN_SERVICE');
  });

  it('reads full-width input and ignores white space inside the cell', () => {
    expect(TRAINING_LEVEL.parse('１０－国家级')).toBe('NATIONAL');
    expect(TRAINING_LEVEL.parse('１０')).toBe('NATIONAL');
    expect(GENDER.parse('１－男')).toBe('MALE');
    expect(POLITICAL_STATUS.parse('０１\u3000中国共产党党员')).toBe('CPC_MEMBER');
    expect(POLITICAL_STATUS.parse(' 中国共产党 党员 ')).toBe('CPC_MEMBER');
    expect(TRAINING_MODE.parse('面授＋网络')).toBe('BLENDED');
    expect(TRAINING_MODE.parse('长期脱产研修(一个月以上)')).toBe('LONG_TERM_RELEASE');
  });

  it('returns undefined for unknown values rather than guessing', () => {
    expect(TRAINING_LEVEL.parse('世界级')).toBeUndefined();
    expect(GENDER.parse('未知')).toBeUndefined();
    expect(POLITICAL_STATUS.parse('14')).toBeUndefined();
    expect(POLITICAL_STATUS.parse('民主党派')).toBeUndefined();
    expect(ETHNICITY.parse('57')).toBeUndefined();
    expect(EDUCATION.parse('小学')).toBeUndefined();
    expect(TRAINING_LEVEL.parse({})).toBeUndefined();
  });
});

describe('CodeTable construction', () => {
  it('refuses a table where one text names two values', () => {
    expect(
      () =>
        new CodeTable('Broken', '坏表', [
          { value: 'A', label: '甲', aliases: ['同'] },
          { value: 'B', label: '乙', aliases: ['同'] },
        ]),
    ).toThrow('Broken: "同" names both A and B');
  });

  it('refuses a code that is another entry’s label once normalised', () => {
    expect(
      () =>
        new CodeTable('Broken', '坏表', [
          { value: 'A', code: '1', label: '甲' },
          { value: 'B', code: '２', label: '1' },
        ]),
    ).toThrow(/names both A and B/);
  });

  it('gives choices as code-label, or the label when there is no code', () => {
    expect(TRAINING_LEVEL.choices()).toEqual(['10-国家级', '20-省级', '30-地市级', '40-县级', '60-校级', '99-其他']);
    expect(EDUCATION.choices()).toEqual(['研究生', '大学本科', '大学专科', '中专', '高中及以下']);
  });
});

describe('normalizeText', () => {
  it('makes full-width characters half-width and removes all white space', () => {
    expect(normalizeText(' １０－国家级 ')).toBe('10-国家级');
    expect(normalizeText('中国 共产党\t党员\n')).toBe('中国共产党党员');
    expect(normalizeText('（一个月以上）')).toBe('(一个月以上)');
  });
});

describe('codes that lost their leading zero in Excel', () => {
  it('reads 1 as 01 and 1-汉族 as 01-汉族', () => {
    expect(ETHNICITY.parse(1)).toBe('HAN');
    expect(ETHNICITY.parse('1-汉族')).toBe('HAN');
    expect(POLITICAL_STATUS.parse(1)).toBe('CPC_MEMBER');
    expect(POLITICAL_STATUS.parse('13')).toBe('MASSES');
    expect(ETHNICITY.parse(99)).toBeUndefined();
  });
});

describe('free text classified by keywords', () => {
  it('reads a sanction reason written in words as the negative-list item it names', () => {
    expect(kernel.NEGATIVE_LIST_ITEM.classify('违规有偿补课')).toEqual({ value: 'REGULATED_PRACTICE', keyword: '有偿补课' });
    expect(kernel.NEGATIVE_LIST_ITEM.classify('体罚学生')).toEqual({ value: 'CARE_FOR_STUDENTS', keyword: '体罚' });
    expect(kernel.NEGATIVE_LIST_ITEM.classify('收受礼品')).toEqual({ value: 'INCORRUPTIBILITY', keyword: '收受礼品' });
    expect(kernel.NEGATIVE_LIST_ITEM.classify('上课玩手机')).toBeUndefined();
  });

  it('answers every item named when the words name several, and nothing for an exact form', () => {
    expect(kernel.NEGATIVE_LIST_ITEM.classify('体罚学生并收受礼品')).toEqual({
      ambiguous: [
        { value: 'INCORRUPTIBILITY', keyword: '收受礼品' },
        { value: 'CARE_FOR_STUDENTS', keyword: '体罚' },
      ],
    });
    expect(TRAINING_LEVEL.classify(null)).toBeUndefined();
  });

  it('lets a longer keyword found hide the shorter ones inside it', () => {
    expect(kernel.TRAINING_MODE.classify('线上线下相结合')).toEqual({ value: 'BLENDED', keyword: '线上线下' });
    expect(kernel.TRAINING_MODE.classify('网络远程研修')).toEqual({ value: 'ONLINE', keyword: '网络' });
    expect(kernel.PROFESSIONAL_TITLE.classify('中小学高级教师（副高）')).toEqual({ value: 'SENIOR', keyword: '中小学高级' });
    expect(kernel.PROFESSIONAL_TITLE.classify('小学高级')).toEqual({ value: 'FIRST_GRADE', keyword: '小学高级' });
    expect(kernel.classifyStaffStatus('待退休人员')).toEqual({ value: { status: 'NOT_AT_POST', detail: '待退休' }, keyword: '待退休' });
    expect(kernel.classifyStaffStatus('已调离')).toEqual({ value: { status: 'TRANSFERRED_OUT' }, keyword: '调离' });
    expect(kernel.classifyStaffStatus('病休')).toEqual({ value: { status: 'NOT_AT_POST', detail: '长病假' }, keyword: '病休' });
  });

  it('refuses a table whose keyword names two values', () => {
    expect(
      () =>
        new CodeTable('Broken', '坏表', [
          { value: 'A', label: '甲', keywords: ['同'] },
          { value: 'B', label: '乙', keywords: ['同'] },
        ]),
    ).toThrow(/keyword "同" names both A and B/);
  });
});
