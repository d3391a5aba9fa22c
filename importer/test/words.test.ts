/**
 * Coded columns that real files fill with words (培训方式 “线上线下相结合”, 学历 “全日制本科”, 是否在编
 * “编外”, 人员状态 “病休”…): read as the value the words name with a warning, refused with the accepted
 * values when they name several. Read from files built here, without the platform.
 */
import { KINDS, teachersKind, trainingsKind } from '@tw/importer';
import { readAll, teacherInputs, workbook } from './fixtures';
import { tempFolder } from './harness';
import { rosterInWords, trainingsInWords } from './fixtures/real-files';

const tmp = tempFolder('imp-words');
afterAll(() => tmp.remove());

const codes = (issues: ReadonlyArray<{ code: string }>) => issues.map((i) => i.code);

describe('words in coded columns', () => {
  it('reads a roster written in words, with a warning on each cell read from words and nothing else changed', async () => {
    const teachers = teacherInputs(6, 'x', 500);
    const file = await rosterInWords(tmp.file('roster-words.xlsx'), teachers);
    const { rows } = await readAll(file, teachersKind);
    expect(rows.map((r) => codes(r.issues))).toEqual([[], [], [], [], [], []]);
    expect(rows.map((r) => [r.values.inQuota, r.values.professionalTitle, r.values.education, r.values.status, r.values.statusDetail ?? null])).toEqual([
      [true, 'FIRST_GRADE', 'BACHELOR', 'IN_SERVICE', null],
      [false, 'FIRST_GRADE', 'POSTGRADUATE', 'NOT_AT_POST', '长病假'],
      [true, 'SENIOR', 'ASSOCIATE', 'IN_SERVICE', null],
      [true, 'SECOND_GRADE', 'BACHELOR', 'NOT_AT_POST', '借出'],
      [false, 'UNRANKED', 'BACHELOR', 'TRANSFERRED_OUT', null],
      [true, 'THIRD_GRADE', 'BACHELOR', 'IN_SERVICE', null],
    ]);
    const warned = rows[1].warnings.map((w) => [w.column, w.code, w.message]);
    expect(warned).toEqual([
      ['编制情况', 'BOOLEAN_CLASSIFIED', `工作表“花名册”第 4 行“编制情况”列的值“编外”：按“编外”读作“否”，请核对`],
      ['职称', 'CODE_CLASSIFIED', `工作表“花名册”第 4 行“职称”列的值“小学高级”：“小学高级”按关键词“小学高级”读作专业技术职务“一级教师”，请核对`],
      ['学历', 'CODE_CLASSIFIED', `工作表“花名册”第 4 行“学历”列的值“在职研究生”：“在职研究生”按关键词“研究生”读作最高学历“研究生”，请核对`],
      ['人员状态', 'CODE_CLASSIFIED', `工作表“花名册”第 4 行“人员状态”列的值“病休”：“病休”按关键词“病休”读作人员状态“暂未在本单位任职-长病假”，请核对`],
    ]);
    expect(rows[0].warnings.map((w) => w.column)).toEqual(['职称', '学历']);
  });

  it('refuses words that name several values, listing what the column accepts', async () => {
    const [t] = teacherInputs(1, 'x', 600);
    const file = await trainingsInWords(tmp.file('trainings-words.xlsx'), [t], { level: '省级、市级', mode: '线上线下相结合' });
    const { rows } = await readAll(file, trainingsKind);
    expect(rows[0].issues).toEqual([
      expect.objectContaining({
        column: '培训级别',
        code: 'CODE_AMBIGUOUS',
        message: '工作表“国内培训”第 3 行“培训级别”列的值“省级、市级”：“省级、市级”同时像 “省级”（关键词“省级”）、“地市级”（关键词“市级”），无法确定是哪一个培训类别：请填 10-国家级、20-省级、30-地市级、40-县级、60-校级、99-其他',
      }),
    ]);
    expect(rows[0].values.mode).toBe('BLENDED');
    expect(codes(rows[0].warnings)).toEqual(['CODE_CLASSIFIED']);
  });

  it('reads 是否在编 words by the longer word, and refuses words saying both', async () => {
    const cells = ['不在编', '编外人员', '在编', '在编（编外返聘）'];
    const file = await workbook(tmp.file('in-quota.xlsx'), (wb) => {
      const ws = wb.addWorksheet('花名册');
      ws.addRow(['姓名', '性别', '身份证件号', '出生日期', '民族', '政治面貌', '参加工作年月', '进本校年月', '是否在编', '用人形式', '人员状态']);
      teacherInputs(cells.length, 'x', 700).forEach((t, i) =>
        ws.addRow([t.name, t.gender === 'MALE' ? '男' : '女', t.idNumber, t.birthDate, '汉族', '群众', t.workStartMonth, t.schoolStartMonth, cells[i], '合同制', '在职']),
      );
    });
    const { rows } = await readAll(file, teachersKind);
    expect(rows.map((r) => [r.values.inQuota ?? null, codes(r.issues), codes(r.warnings)])).toEqual([
      [false, [], ['BOOLEAN_CLASSIFIED']],
      [false, [], ['BOOLEAN_CLASSIFIED']],
      [true, [], ['BOOLEAN_CLASSIFIED']],
      [null, ['BOOLEAN_AMBIGUOUS'], []],
    ]);
    expect(rows[3].issues[0].message).toContain('既有“在编”又有“编外”，无法确定');
  });

  it('cuts an over-long 情况说明 with a warning, and warns on a date written as an Excel serial number', async () => {
    const [t] = teacherInputs(1, 'x', 800);
    const file = await workbook(tmp.file('ethics-long.xlsx'), (wb) => {
      const ws = wb.addWorksheet('师德信息');
      ws.addRow(['姓名', '身份证件号', '处分原因', '处分发生日期', '处分类别', '情况说明']);
      ws.addRow([t.name, t.idNumber, '10', '45352', '警告', '说'.repeat(520)]);
    });
    const { rows } = await readAll(file, KINDS.find((k) => k.kind === 'ethics')!);
    expect(codes(rows[0].issues)).toEqual([]);
    expect(rows[0].values.occurredOn).toBe('2024-03-01');
    expect((rows[0].values.description as string).length).toBe(500);
    expect(rows[0].warnings.map((w) => [w.column, w.code])).toEqual([
      ['处分发生日期', 'DATE_GUESSED'],
      ['情况说明', 'TEXT_TRUNCATED'],
    ]);
  });
});
