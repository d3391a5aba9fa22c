import { cursorReducer, FIRST_PAGE } from '../src/lib/cursor-pages';
import { apiError, CODE_MESSAGES, toChinese } from '../src/api/errors';
import { fileNameOf } from '../src/api/client';
import { decodeToken } from '../src/api/session';
import { metricOf } from '../src/api/figures';
import { figureGaps, isGapValue } from '@tw/kernel/data-gaps';
import { cardGap } from '../src/lib/gaps';
import { changeText } from '../src/lib/timeline';
import { currentChoice, IGNORE, mappingChange, mappingChoices, problemCounts, REASON_TEXT } from '../src/lib/mapping';

const jwt = (claims: object) => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('errors the API returns, in Chinese', () => {
  it('passes a Chinese message through as it is', () => {
    expect(toChinese('BAD_USER_INPUT', '第 3 行：身份证件号“4101”位数不对')).toEqual({ message: '第 3 行：身份证件号“4101”位数不对' });
  });

  it('replaces an English message by the Chinese of its stable code, keeping the English as the detail', () => {
    expect(toChinese('FORBIDDEN', 'ANALYST may not read a teacher')).toEqual({ message: CODE_MESSAGES.FORBIDDEN, detail: 'ANALYST may not read a teacher' });
    expect(toChinese('QUERY_TOO_COSTLY', 'The query costs 300000')).toEqual({ message: '查询的数据量过大，请缩小每页条数或减少字段', detail: 'The query costs 300000' });
  });

  it('names an unknown code rather than showing English alone', () => {
    expect(toChinese('SOMETHING_NEW', 'Something new went wrong').message).toBe('请求失败（SOMETHING_NEW）');
  });

  it('reads the code from a GraphQL error, an HTTP route’s error, or the status', () => {
    expect(apiError({ message: 'x', extensions: { code: 'NOT_FOUND' } }).code).toBe('NOT_FOUND');
    expect(apiError({ message: '文件是空的', code: 'EMPTY_FILE' }, 400)).toMatchObject({ code: 'EMPTY_FILE', message: '文件是空的' });
    expect(apiError(undefined, 401)).toMatchObject({ code: 'UNAUTHENTICATED', message: CODE_MESSAGES.UNAUTHENTICATED });
  });
});

describe('paging through cursors', () => {
  it('keeps the cursor of every page visited, so previous goes back without loading what lies between', () => {
    let s = FIRST_PAGE;
    s = cursorReducer(s, { type: 'next', endCursor: 'c1' });
    s = cursorReducer(s, { type: 'next', endCursor: 'c2' });
    expect(s.afters).toEqual([null, 'c1', 'c2']);
    s = cursorReducer(s, { type: 'prev' });
    expect(s.afters).toEqual([null, 'c1']);
    // no next page: nothing changes
    expect(cursorReducer(s, { type: 'next', endCursor: null })).toBe(s);
    expect(cursorReducer(FIRST_PAGE, { type: 'prev' })).toBe(FIRST_PAGE);
    expect(cursorReducer(s, { type: 'reset' })).toEqual(FIRST_PAGE);
  });
});

describe('what the console reads from a token and a download', () => {
  it('reads role and scope from the claims, and refuses what is not a platform token', () => {
    expect(decodeToken(jwt({ role: 'SCHOOL_ADMIN', school: 's1', sub: 'clerk', exp: 2000000000 }))).toMatchObject({ role: 'SCHOOL_ADMIN', schoolId: 's1', subject: 'clerk', expiresAt: 2000000000000 });
    expect(decodeToken(jwt({ role: 'SERVICE', sub: 'service:importer' }))).toBeNull();
    expect(decodeToken('not.a-token')).toBeNull();
    // claims in UTF-8 (a name in Chinese) decode as such
    expect(decodeToken(jwt({ role: 'TEACHER', teacher: 't1', sub: '王芳' }))?.subject).toBe('王芳');
  });

  it('takes the Chinese file name of a download when the server gives one', () => {
    expect(fileNameOf(`attachment; filename="district-report-2025.xlsx"; filename*=UTF-8''${encodeURIComponent('2025年度教师队伍建设报表.xlsx')}`)).toBe('2025年度教师队伍建设报表.xlsx');
    expect(fileNameOf('attachment; filename="errors.xlsx"')).toBe('errors.xlsx');
    expect(fileNameOf(null)).toBeUndefined();
  });

  it('orders the school comparison by the metric named after a figure', () => {
    expect(metricOf('designatedShareOfPublicTeachers')).toBe('DESIGNATED_SHARE_OF_PUBLIC_TEACHERS');
    expect(metricOf('teacherCount')).toBe('TEACHER_COUNT');
  });
});

describe('the column mapping editor', () => {
  const kindColumns = [
    { key: 'staffNo', header: '教职工号', requirement: '选填' },
    { key: 'name', header: '姓名', requirement: '必填' },
    { key: 'subject', header: '任教学科', requirement: '选填' },
  ];

  it('offers the required columns first, then the others, then "ignore"', () => {
    expect(mappingChoices(kindColumns).map((c) => c.label)).toEqual(['姓名（必填）', '教职工号', '任教学科', '忽略此列']);
    expect(mappingChoices(kindColumns).at(-1)!.value).toBe(IGNORE);
  });

  it('shows what a column feeds now: its field, "ignore" when the school mapped it away, else nothing', () => {
    expect(currentChoice({ field: 'name', reason: 'SYNONYM' })).toBe('name');
    expect(currentChoice({ field: null, reason: 'MAPPED_AWAY' })).toBe(IGNORE);
    expect(currentChoice({ field: null, reason: 'UNKNOWN' })).toBeUndefined();
  });

  it('sends a mapping for a corrected column, null to ignore one, and forgets a remembered one when cleared', () => {
    const unknown = { title: '任教学科(主)', field: null, reason: 'UNKNOWN' };
    expect(mappingChange('teachers', 's1', unknown, 'subject')).toEqual({ op: 'set', input: { kind: 'teachers', schoolId: 's1', header: '任教学科(主)', field: 'subject' } });
    expect(mappingChange('teachers', null, { title: '备注', field: 'subject', reason: 'SYNONYM' }, IGNORE)).toEqual({ op: 'set', input: { kind: 'teachers', schoolId: null, header: '备注', field: null } });
    expect(mappingChange('teachers', 's1', { title: '任教学科(主)', field: 'subject', reason: 'MAPPING' }, undefined)).toEqual({ op: 'remove', kind: 'teachers', schoolId: 's1', header: '任教学科(主)' });
    // clearing a column the importer read by itself has nothing to forget; choosing what it already is sends nothing
    expect(mappingChange('teachers', 's1', { title: '姓名', field: 'name', reason: 'HEADER' }, undefined)).toEqual({ op: 'none' });
    expect(mappingChange('teachers', 's1', { title: '姓名', field: 'name', reason: 'HEADER' }, 'name')).toEqual({ op: 'none' });
  });

  it('counts a preview’s errors and warnings apart, on cells and on rows', () => {
    const problem = (severity: 'error' | 'warning') => ({ code: 'X', message: 'x', severity });
    expect(
      problemCounts([
        { problems: [problem('error')], cells: [{ problems: [problem('warning'), problem('error')] }] },
        { problems: [], cells: [{ problems: [] }, { problems: [problem('warning')] }] },
      ]),
    ).toEqual({ errors: 2, warnings: 2 });
    expect(REASON_TEXT.SYNONYM).toBe('常见写法');
  });
});

describe('data gaps on the dashboard', () => {
  const gaps = [
    { kind: 'trainings', kindTitle: '国内培训', schools: [{ id: 's2', code: '2', name: '二中' }, { id: 's1', code: '1', name: '一小' }] },
    { kind: 'teachers', kindTitle: '教职工基本信息', schools: [{ id: 's1', code: '1', name: '一小' }] },
    { kind: 'pay', kindTitle: '基本待遇', schools: [] },
  ];

  it('names the schools that sent none of a figure’s kinds, each once, by code', () => {
    expect(figureGaps(['trainings', 'teachers'], gaps)).toEqual({ schools: [{ id: 's1', code: '1', name: '一小' }, { id: 's2', code: '2', name: '二中' }], kindTitles: ['国内培训', '教职工基本信息'] });
    expect(cardGap(['trainings'], gaps)).toEqual({ summary: '2 所学校未报送国内培训', tooltip: '以下学校当年没有报送国内培训，其数字是缺口而不是 0：一小、二中' });
    // a kind every school sent, a figure of no yearly kind, or gaps not asked: nothing to say
    expect([cardGap(['pay'], gaps), cardGap([], gaps), cardGap(['trainings'], null)]).toEqual([null, null, null]);
  });

  it('marks a school’s 0 as a gap only when the school sent none of the figure’s kinds', () => {
    expect(isGapValue(['trainings'], ['trainings'], 0)).toBe(true);
    expect(isGapValue(['trainings'], ['trainings'], null)).toBe(true);
    // a value other than 0 stands (a veto from a sanction counts without an ethics assessment)
    expect(isGapValue(['ethics'], ['ethics'], 1)).toBe(false);
    expect(isGapValue(['trainings'], ['pay'], 0)).toBe(false);
    expect(isGapValue(['trainings'], null, 0)).toBe(false);
  });
});

describe('a teacher’s timeline as people read it', () => {
  it('writes one line per changed field: before → after, a new value alone, an empty side as —', () => {
    expect(changeText({ field: 'schoolId', before: 's1', after: 's2' })).toBe('schoolId：s1 → s2');
    expect(changeText({ field: 'status', before: null, after: 'SERVING' })).toBe('status：SERVING');
    expect(changeText({ field: 'phone', before: '138', after: '' })).toBe('phone：138 → —');
  });
});
