import { cursorReducer, FIRST_PAGE } from '../src/lib/cursor-pages';
import { apiError, CODE_MESSAGES, toChinese } from '../src/api/errors';
import { fileNameOf } from '../src/api/client';
import { decodeToken } from '../src/api/session';
import { metricOf } from '../src/api/figures';

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
