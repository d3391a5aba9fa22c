/**
 * The quirks of school files (shared/spreadsheets.md), each read from a real .xlsx or .csv built here:
 * what the reader and the row validation make of them, without the platform.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { csvRecords, designationsKind, detectCsvEncoding, endDate, FileError, MAX_CSV_FIELD_CHARS, readDate, teachersKind, trainingsKind, writeKindXlsx, year, yuan } from '@tw/importer';
import { idNumber, readAll, teacherInputs, workbook } from './fixtures';
import { SAMPLES, tempFolder } from './harness';
import { buildZip, ZipPart } from './zip';

const tmp = tempFolder('imp-read');
afterAll(() => tmp.remove());

const HEADERS = ['姓名', '性别', '身份证件号', '出生日期', '民族', '政治面貌', '参加工作年月', '进本校年月', '是否在编', '人员状态'];
const row = (t: Record<string, unknown>) => [t.name, t.gender === 'MALE' ? '男' : '女', t.idNumber, t.birthDate, '汉族', '群众', t.workStartMonth, t.schoolStartMonth, '是', '在本单位任职'];

describe('the header and the rows around the data', () => {
  it('skips title rows, blank rows, a 合计 row and a 填表说明 block', async () => {
    const [a, b, c] = teacherInputs(3, 'x');
    const file = await workbook(tmp.file('titles.xlsx'), (wb) => {
      const ws = wb.addWorksheet('花名册');
      ws.addRow(['XX学校2024年教职工花名册']);
      ws.mergeCells('A1:J1');
      ws.addRow(['填报单位：XX学校', null, null, '填报日期：2024年1月10日']);
      ws.addRow(HEADERS);
      ws.addRow(row(a));
      ws.addRow([]);
      ws.addRow(row(b));
      ws.addRow([null, null, null, null, null, null, null, null, null, null]);
      ws.addRow(row(c));
      ws.addRow(['合计', null, null, null, null, null, null, null, null, '3 人']);
      ws.addRow([]);
      ws.addRow(['填表说明：1.带*为必填项；2.身份证件号请以文本格式填写。']);
      ws.addRow(['填表人：张三', null, '审核人：李四']);
    });
    const { sheet, rows } = await readAll(file, teachersKind);
    expect(sheet).toBe('花名册');
    expect(rows.map((r) => r.number)).toEqual([4, 6, 8]);
    expect(rows.map((r) => r.values.name)).toEqual([a.name, b.name, c.name]);
    expect(rows.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('reads a two-row header with merged group cells, line breaks, spaces, full-width brackets, * marks, format suffixes and synonyms', async () => {
    const [t] = teacherInputs(1, 'x');
    const file = await workbook(tmp.file('two-row.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow(['2024年教职工基本信息']);
      ws.addRow(['教师姓名', '个人信息', null, null, null, null, '工作信息', null, null, null]);
      ws.addRow([null, '*性 别', '身份证号码', '*出生日期\n(yyyy-MM-dd)', '民族（GB 3304）', '＊政治面貌', '参加工作年月（年月）', '进本校年月', '是否在编', ' 人员 状态 ']);
      ws.mergeCells('A2:A3');
      ws.mergeCells('B2:F2');
      ws.mergeCells('G2:J2');
      ws.addRow(row(t));
    });
    const { rows } = await readAll(file, teachersKind);
    expect(rows).toHaveLength(1);
    expect(rows[0].issues).toEqual([]);
    expect(rows[0].values).toMatchObject({ name: t.name, gender: t.gender, idNumber: t.idNumber, birthDate: t.birthDate, workStartMonth: t.workStartMonth, status: 'IN_SERVICE' });
  });

  it('picks the data sheet among a 说明 sheet and a code-list sheet by its header', async () => {
    const [t] = teacherInputs(1, 'x');
    const file = await workbook(tmp.file('sheets.xlsx'), (wb) => {
      const notes = wb.addWorksheet('说明');
      notes.addRow(['填写说明']);
      for (const h of HEADERS) notes.addRow([h, '必填']);
      const codes = wb.addWorksheet('代码表');
      codes.addRow(['性别', '民族', '政治面貌']);
      codes.addRow(['1-男', '01-汉族', '13-群众']);
      const data = wb.addWorksheet('Sheet3');
      data.addRow(HEADERS);
      data.addRow(row(t));
    });
    const { sheet, rows } = await readAll(file, teachersKind);
    expect(sheet).toBe('Sheet3');
    expect(rows.map((r) => r.values.idNumber)).toEqual([t.idNumber]);
  });

  it('fails with the missing columns named when no sheet has the header', async () => {
    const file = await workbook(tmp.file('no-header.xlsx'), (wb) => {
      wb.addWorksheet('数据').addRow(['姓名', '性别', '备注']);
    });
    const read = readAll(file, teachersKind);
    await expect(read).rejects.toThrow(FileError);
    await expect(readAll(file, teachersKind)).rejects.toThrow(/工作表“数据”第 1 行的表头缺少必填列：身份证件号、出生日期/);
  });

  it('requires a school column unless the upload names the school', async () => {
    const [t] = teacherInputs(1, 'x');
    const file = await workbook(tmp.file('no-school.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow(HEADERS);
      ws.addRow(row(t));
    });
    await expect(readAll(file, teachersKind, { schoolGiven: false })).rejects.toThrow(/没有学校列（学校标识码或学校名称）：请在上传时指明学校（命令行加“--school 学校标识码”/);
    expect((await readAll(file, teachersKind, { schoolGiven: true })).rows).toHaveLength(1);
  });
});

describe('cell values', () => {
  it('reads dates as real Excel dates, serial numbers, and text in every form', () => {
    expect(readDate(new Date(Date.UTC(2019, 8, 1)))).toEqual({ ok: true, parts: { y: 2019, m: 9, d: 1 } });
    expect(readDate(43709)).toEqual({ ok: true, parts: { y: 2019, m: 9, d: 1 } });
    for (const text of ['2019-09', '2019.09', '2019/9', '2019年9月', '201909', ' 2019 - 9 ']) expect([text, readDate(text)]).toEqual([text, { ok: true, parts: { y: 2019, m: 9 } }]);
    for (const text of ['2019/9/1', '2019-09-01', '2019.9.1', '2019年9月1日', '20190901']) expect([text, readDate(text)]).toEqual([text, { ok: true, parts: { y: 2019, m: 9, d: 1 } }]);
    expect(readDate(201909)).toEqual({ ok: true, parts: { y: 2019, m: 9 } });
    expect(readDate(2019.09)).toEqual({ ok: true, parts: { y: 2019, m: 9 } });
    expect(readDate(2019.1)).toEqual({ ok: false, code: 'DATE_AMBIGUOUS' });
    expect(readDate('2019-13')).toEqual({ ok: false, code: 'DATE_INVALID' });
    expect(readDate('2019-02-30')).toEqual({ ok: false, code: 'DATE_INVALID' });
  });

  it('reads every date form from a real sheet, and names the cell of one that is not a date', async () => {
    const forms: unknown[] = [new Date(Date.UTC(2012, 8, 1)), 41153, '2012-09', '2012.09', '2012/9/1', '2012年9月', '201209', 201209, '2012-09-01'];
    const inputs = teacherInputs(forms.length + 1, 'x');
    const file = await workbook(tmp.file('dates.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow(HEADERS);
      [...forms, '2012年13月'].forEach((form, i) => {
        const id = idNumber('1988-05-05', i, inputs[i].gender as 'MALE' | 'FEMALE');
        ws.addRow([inputs[i].name, inputs[i].gender === 'MALE' ? '男' : '女', id, new Date(Date.UTC(1988, 4, 5)), '汉族', '群众', form, '2013.09', '是', '在本单位任职']);
      });
    });
    const { rows } = await readAll(file, teachersKind);
    expect(rows.slice(0, forms.length).map((r) => [r.values.workStartMonth, r.values.birthDate, r.issues])).toEqual(forms.map(() => ['2012-09', '1988-05-05', []]));
    const bad = rows[forms.length];
    expect(bad.issues).toEqual([
      expect.objectContaining({ code: 'DATE_INVALID', column: '参加工作年月', value: '2012年13月', message: expect.stringMatching(/^工作表“基本信息”第 11 行“参加工作年月”列的值“2012年13月”：不是有效的日期/) }),
    ]);
  });

  it('refuses an ID number Excel stored as a number, normalises x, spaces and full-width digits, checks the check digit and agreement', async () => {
    const base = teacherInputs(8, 'x');
    const good = base.map((t) => t.idNumber as string);
    const ids: unknown[] = [
      4.10102199001011e17,
      `${good[1].slice(0, 17)}${good[1][17].toLowerCase()}`,
      ` ${good[2]} `,
      good[3].replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
      `${good[4].slice(0, 17)}${good[4][17] === '0' ? '1' : '0'}`,
      good[5],
      good[6],
      '4.10102E+17',
    ];
    const file = await workbook(tmp.file('ids.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow(HEADERS);
      base.forEach((t, i) => {
        const r = row(t);
        r[2] = ids[i];
        if (i === 5) r[3] = '1960-01-01';
        if (i === 6) r[1] = t.gender === 'MALE' ? '女' : '男';
        ws.addRow(r);
      });
    });
    const { rows } = await readAll(file, teachersKind);
    const codes = rows.map((r) => r.issues.map((i) => `${i.code}@${i.column}`).join(',') || String(r.values.idNumber));
    expect(codes).toEqual([
      'ID_NUMBER_PRECISION_LOST@身份证件号',
      good[1],
      good[2],
      good[3],
      'ID_NUMBER_CHECK_DIGIT@身份证件号',
      'ID_NUMBER_BIRTH_DATE_MISMATCH@出生日期',
      'ID_NUMBER_GENDER_MISMATCH@性别',
      'ID_NUMBER_PRECISION_LOST@身份证件号',
    ]);
    expect(rows[0].issues[0].message).toMatch(/被 Excel 存成了数字.*请把该列设为“文本”格式/);
    expect(rows[0].issues[0].message).toMatch(/^工作表“基本信息”第 2 行“身份证件号”列的值“410102199001011000”/);
  });

  it('reads booleans as 是/否, 1/0, Y/N and 1-是, coded values as label, code or code-label, formulas by their result, rich text and hyperlinks by their text', async () => {
    const t = teacherInputs(6, 'x');
    const bools: unknown[] = ['是', 1, 'Y', '1-是', '否', 'N'];
    const file = await workbook(tmp.file('cells.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow([...HEADERS, '用人形式', '专业技术职务']);
      t.forEach((x, i) => {
        const r: unknown[] = row(x);
        r[8] = bools[i];
        r[10] = i >= 4 ? ['合同制', '人事代理'][i - 4] : null;
        r[11] = ['中学高级教师', '小学高级教师', '一级教师', '未评', '高级', '正高级教师'][i];
        ws.addRow(r);
      });
      // label, code and code-label of 性别 and 政治面貌 (row 2 is a woman's ID, row 3 a man's)
      ws.getCell('B2').value = '2-女';
      ws.getCell('B3').value = 1;
      ws.getCell('F2').value = '01';
      ws.getCell('F3').value = '03-中国共产主义青年团团员';
      ws.getCell('F4').value = '党员';
      // a formula's cached result, rich text, a hyperlink
      ws.getCell('A5').value = { formula: 'CONCATENATE("教师","3")', result: '教师3' } as never;
      ws.getCell('A6').value = { richText: [{ text: '教' }, { font: { bold: true }, text: '师4' }] };
      ws.getCell('A7').value = { text: '教师5', hyperlink: 'https://example.invalid/5' };
    });
    const { rows } = await readAll(file, teachersKind);
    expect(rows.map((r) => r.values.inQuota)).toEqual([true, true, true, true, false, false]);
    expect(rows.map((r) => r.values.employmentForm ?? null)).toEqual([null, null, null, null, 'CONTRACT', 'PERSONNEL_AGENCY']);
    expect(rows.map((r) => r.values.professionalTitle)).toEqual(['SENIOR', 'FIRST_GRADE', 'FIRST_GRADE', 'UNRANKED', 'SENIOR', 'SENIOR_FULL']);
    expect(rows.map((r) => r.values.politicalStatus)).toEqual(['CPC_MEMBER', 'CYL_MEMBER', 'CPC_MEMBER', 'MASSES', 'MASSES', 'MASSES']);
    expect(rows.map((r) => r.values.name)).toEqual(['教师0', '教师1', '教师2', '教师3', '教师4', '教师5']);
    expect(rows.map((r) => r.values.gender)).toEqual(t.map((x) => x.gender));
    expect(rows.map((r) => r.issues)).toEqual(t.map(() => []));
  });

  it('requires 用人形式 when 是否在编 is 否, naming the condition', async () => {
    const [t] = teacherInputs(1, 'x');
    const file = await workbook(tmp.file('employment.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow([...HEADERS, '用人形式']);
      const r = row(t);
      r[8] = '否';
      ws.addRow(r);
    });
    const { rows } = await readAll(file, teachersKind);
    expect(rows[0].issues).toEqual([expect.objectContaining({ code: 'REQUIRED', column: '用人形式', message: expect.stringContaining('是否在编为“否”时必填') })]);
    const noColumn = await workbook(tmp.file('employment-missing.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow(HEADERS);
      const r = row(t);
      r[8] = 0;
      ws.addRow(r);
    });
    expect((await readAll(noColumn, teachersKind)).rows[0].issues).toEqual([expect.objectContaining({ code: 'REQUIRED', message: expect.stringContaining('文件缺少“用人形式”列') })]);
  });

  it('names a bad coded value with the choices', async () => {
    const [t] = teacherInputs(1, 'x');
    const file = await workbook(tmp.file('coded.xlsx'), (wb) => {
      const ws = wb.addWorksheet('基本信息');
      ws.addRow(HEADERS);
      const r = row(t);
      r[5] = '无党派民主人士';
      ws.addRow(r);
    });
    const { rows } = await readAll(file, teachersKind);
    expect(rows[0].issues).toEqual([
      expect.objectContaining({ code: 'CODE_INVALID', column: '政治面貌', value: '无党派民主人士', message: expect.stringContaining('不是有效的政治面貌，可填 01-中国共产党党员') }),
    ]);
  });
});

describe('CSV files', () => {
  const lines = (t: Array<Record<string, unknown>>) => [HEADERS.join(','), ...t.map((x) => row(x).map((v) => (String(v).includes(',') ? `"${v}"` : v)).join(','))].join('\r\n');

  it.each([
    ['UTF-8 with BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]), 'utf8'],
    ['UTF-8 without BOM', (s: string) => Buffer.from(s, 'utf8'), 'utf8'],
    ['GB18030', (s: string) => iconv.encode(s, 'gb18030'), 'gb18030'],
    ['GBK', (s: string) => iconv.encode(s, 'gbk'), 'gb18030'],
  ])('reads %s', async (_label, encode, detected) => {
    const t = teacherInputs(3, 'x');
    const text = lines(t);
    const file = tmp.file(`t-${detected}-${Math.random().toString(36).slice(2)}.csv`);
    fs.writeFileSync(file, encode(text));
    expect(detectCsvEncoding(fs.readFileSync(file)).encoding).toBe(detected);
    const { sheet, rows } = await readAll(file, teachersKind, { fileName: 'roster.csv' });
    expect(sheet).toBe('roster.csv');
    expect(rows.map((r) => [r.values.name, r.values.idNumber, r.values.politicalStatus, r.issues])).toEqual(t.map((x) => [x.name, x.idNumber, 'MASSES', []]));
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and an ID number written as 4.10102E+17', async () => {
    const [t] = teacherInputs(1, 'x');
    const text = `${HEADERS.join(',')},任教学科\n"${t.name}",女,4.10102E+17,${t.birthDate},汉族,群众,2012.09,2013.09,是,在本单位任职,"语文,""数学""\n兼"\n`;
    const file = tmp.file('quoted.csv');
    fs.writeFileSync(file, text);
    const { rows } = await readAll(file, teachersKind, { fileName: 'quoted.csv' });
    expect(rows).toHaveLength(1);
    expect(rows[0].issues.map((i) => i.code)).toEqual(['ID_NUMBER_PRECISION_LOST']);
    expect(rows[0].values.teachingSubject).toBe('语文,"数学" 兼');
  });
});

describe('a legacy .xls', () => {
  it('is refused by its magic bytes with a message asking for .xlsx', async () => {
    const file = tmp.file('old.xls');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
    await expect(readAll(file, teachersKind, { fileName: 'old.xls' })).rejects.toMatchObject({ code: 'LEGACY_XLS', message: expect.stringContaining('另存为” Excel 工作簿（.xlsx）') });
  });
});

describe('the sample files, read as their kinds', () => {
  it('reads the merged-header trainings sample: level codes in three forms, the 合计 row skipped', async () => {
    const { sheet, rows } = await readAll(path.join(SAMPLES, 'trainings-merged-header.xlsx'), trainingsKind);
    expect(sheet).toBe('国内培训');
    expect(rows).toHaveLength(887);
    expect(rows.filter((r) => r.issues.length)).toEqual([]);
    expect(new Set(rows.map((r) => r.values.level))).toEqual(new Set(['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY']));
    expect(rows.reduce((s, r) => s + (r.values.hours as number), 0)).toBe(26256);
    expect(rows[0].values).toMatchObject({ name: '赵辉文', year: 2023, level: 'COUNTY', projectName: '2023年区级班主任培训', mode: 'SHORT_FACE_TO_FACE', hours: 16, credits: 2, topic: 'HOMEROOM' });
  });

  it('reads the designations sample with expiry dates as real Excel dates, some empty', async () => {
    const { rows } = await readAll(path.join(SAMPLES, 'designations.xlsx'), designationsKind);
    expect(rows).toHaveLength(261);
    expect(rows.filter((r) => r.issues.length)).toEqual([]);
    expect(rows[2].values).toMatchObject({ name: '黄东', kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', year: 2022, validUntil: '2027-08-31' });
    expect(rows[0].values.validUntil).toBeUndefined();
  });
});

describe('amounts, periods and years', () => {
  it('reads amounts in yuan to the fen, refusing a third decimal, a negative and text that is no amount', () => {
    const y = yuan();
    const row = { raw: () => null };
    expect(['98000', 98000, '98,000.5元', '￥12345.60', 12345.6, 12345.6 * 3, '０３２００'].map((v) => y.parse(v, row))).toEqual(
      ['98000.00', '98000.00', '98000.50', '12345.60', '12345.60', '37036.80', '3200.00'].map((value) => ({ ok: true, value })),
    );
    expect([12.345, '12.345', '-5', '约一万', '1e5'].map((v) => { const r = y.parse(v, row); return r.ok ? r.value : r.code; })).toEqual(['AMOUNT_PRECISION', 'AMOUNT_PRECISION', 'AMOUNT_NEGATIVE', 'AMOUNT_INVALID', 'AMOUNT_INVALID']);
  });

  it('reads the end of a period as its last day, and a year written as a date when the column allows it', () => {
    const row = { raw: () => null };
    const end = endDate();
    expect(['2027', 2027, '2027-02', '2028.02', '2027-08-31', 46630].map((v) => { const r = end.parse(v, row); return r.ok ? r.value : r.code; })).toEqual(['2027-12-31', '2027-12-31', '2027-02-28', '2028-02-29', '2027-08-31', '2027-08-31']);
    const strict = year();
    const lenient = year({ ofDate: true });
    expect(['2024-12-01', '2024年度'].map((v) => { const r = strict.parse(v, row); return r.ok ? r.value : r.code; })).toEqual(['YEAR_INVALID', 2024]);
    expect(['2024-12-01', '2024.06', '2024年度'].map((v) => { const r = lenient.parse(v, row); return r.ok ? r.value : r.code; })).toEqual([2024, 2024, 2024]);
  });
});

describe('the order of the parts in the zip', () => {
  /** Every part of a zip, by name, in stored order. */
  async function parts(file: string): Promise<ZipPart[]> {
    const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
    const out: ZipPart[] = [];
    try {
      const entries: yauzl.Entry[] = [];
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: yauzl.Entry) => {
          entries.push(e);
          zip.readEntry();
        });
        zip.on('end', resolve);
        zip.on('error', reject);
        zip.readEntry();
      });
      for (const e of entries) {
        const chunks: Buffer[] = [];
        for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
        out.push({ name: e.fileName, data: Buffer.concat(chunks) });
      }
    } finally {
      zip.close();
    }
    return out;
  }

  it('reads the shared strings and sheet names whatever order the parts are stored in (ExcelJS alone does not)', async () => {
    const t = teacherInputs(3, '4101020001');
    const written = tmp.file('ordered.xlsx');
    await writeKindXlsx(teachersKind, t, written, { sheetName: '花名册' });
    // the shared strings and the workbook's rels before the sheet, workbook.xml after it
    const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
    const all = await parts(written);
    const reordered = tmp.file('reordered.xlsx');
    fs.writeFileSync(reordered, buildZip([...first.map((n) => all.find((p) => p.name === n)!), ...all.filter((p) => !first.includes(p.name))]));

    const stock = async () => {
      for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(reordered, {}) as unknown as AsyncIterable<AsyncIterable<unknown>>) for await (const row of ws) void row;
    };
    await expect(stock()).rejects.toThrow(/reading 'sheets'/);

    const { sheet, rows } = await readAll(reordered, teachersKind);
    expect(sheet).toBe('花名册');
    expect(rows.map((r) => [r.values.name, r.values.idNumber, r.issues])).toEqual(t.map((x) => [x.name, x.idNumber, []]));
  });
});

describe('Chinese text across the chunks of a large part', () => {
  it('reads every character of 6,000 rows of names, whatever chunk boundary a character straddles', async () => {
    const t = teacherInputs(6000, '4101020001').map((x, i) => ({ ...x, name: `欧阳${'春夏秋冬'[i % 4]}${i}`, teachingSubject: '道德与法治暨心理健康教育' }));
    const file = tmp.file('chinese.xlsx');
    await writeKindXlsx(teachersKind, t, file);
    const { rows } = await readAll(file, teachersKind);
    expect(rows.filter((r, i) => r.values.name !== t[i].name || r.values.teachingSubject !== t[i].teachingSubject)).toEqual([]);
  });
});

describe('the school-shaped file writer', () => {
  it('writes rows a reader reads back unchanged', async () => {
    const t = teacherInputs(50, '4101020001');
    const file = tmp.file('written.xlsx');
    const written = await writeKindXlsx(teachersKind, t, file, { title: '2024年教职工基本信息表', notes: ['填表说明：示例'] });
    expect(written.rows).toBe(50);
    const { rows } = await readAll(file, teachersKind);
    expect(rows.map((r) => r.issues)).toEqual(t.map(() => []));
    expect(rows.map((r) => ({ ...r.values }))).toEqual(t.map(({ employmentForm, ...x }) => ({ ...x, ...(x.inQuota ? {} : { employmentForm }) })));
  });
});


describe('a CSV on one line (issue 16, finding 10)', () => {
  /** 64 KB chunks of `unit` for `mb` MB, counting how many were read */
  const stream = (unit: string, mb: number, read: { chunks: number }) =>
    (async function* () {
      const chunk = unit.repeat(Math.ceil(65_536 / unit.length));
      for (let n = 0; n * 65_536 < mb * 1024 * 1024; n++) {
        read.chunks++;
        yield chunk;
      }
    })();
  const refusal = async (unit: string) => {
    const read = { chunks: 0 };
    let error: unknown;
    try {
      for await (const rec of csvRecords(stream(unit, 50, read), 200)) void rec;
    } catch (e) {
      error = e;
    }
    return { error: error as FileError, read };
  };

  it('refuses 50 MB of one field after its first 32,767 characters, reading one chunk, not the file', async () => {
    const { error, read } = await refusal('张');
    expect(error).toBeInstanceOf(FileError);
    expect(error.code).toBe('CELL_TOO_LONG');
    expect(error.message).toBe(`CSV 文件中有一个字段超过 ${MAX_CSV_FIELD_CHARS} 个字符：请检查文件是否缺少换行，或引号未闭合`);
    expect(read.chunks).toBe(1);
  });

  it('refuses 50 MB of one line of short fields at column 201, not at its end', async () => {
    const { error, read } = await refusal('a,');
    expect(error.code).toBe('TOO_MANY_COLUMNS');
    expect(read.chunks).toBe(1);
  });
});
