import type { CodeTable } from '@tw/kernel/codes';
import { CODES } from '../src/lib/labels';
import {
  codeLabel,
  fieldTitle,
  flagsFor,
  FROM_START,
  isOpenRow,
  MERGED_FIRST_PAGE,
  mergedCursorReducer,
  mergeServicePages,
  pendingTotals,
  returnReasonProblem,
  serviceFlags,
  showValue,
  SUBMISSION_STATUS,
  type ServicePage,
} from '../src/lib/submissions';

interface S {
  readonly id: string;
  readonly submittedAt: string;
}

/** A service's page as the API answers it: the rows after `after`, `first` of them, oldest first. */
function pageOf(all: readonly S[], first: number, after: string | null): ServicePage<S> {
  const from = after ? all.findIndex((s) => s.id === after) + 1 : 0;
  const rows = all.slice(from, from + first);
  return { totalCount: all.length, pageInfo: { hasNextPage: from + first < all.length, endCursor: rows.at(-1)?.id ?? null }, edges: rows.map((node) => ({ cursor: node.id, node })) };
}

const at = (day: number, hour = 0) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('one list of submissions from the four services', () => {
  const lists = {
    personnel: [{ id: 'p1', submittedAt: at(1) }, { id: 'p2', submittedAt: at(4) }, { id: 'p3', submittedAt: at(9) }],
    development: [] as S[],
    compensation: [{ id: 'c1', submittedAt: at(2) }, { id: 'c2', submittedAt: at(3) }, { id: 'c3', submittedAt: at(3, 5) }, { id: 'c4', submittedAt: at(10) }],
    governance: [{ id: 'g1', submittedAt: at(5) }],
  };

  it('pages through all of them oldest first, each service after its own cursor, nothing twice or left out', () => {
    const seen: string[] = [];
    let state = MERGED_FIRST_PAGE;
    for (let guard = 0; guard < 10; guard++) {
      const afters = state.afters.at(-1)!;
      const pages = {
        personnel: pageOf(lists.personnel, 3, afters.personnel),
        development: pageOf(lists.development, 3, afters.development),
        compensation: pageOf(lists.compensation, 3, afters.compensation),
        governance: pageOf(lists.governance, 3, afters.governance),
      };
      const merged = mergeServicePages(pages, afters, 3);
      expect(merged.totalCount).toBe(8);
      expect(merged.nodes.length).toBeLessThanOrEqual(3);
      seen.push(...merged.nodes.map((n) => n.id));
      if (!merged.hasNextPage) break;
      state = mergedCursorReducer(state, { type: 'next', next: merged.next });
    }
    expect(seen).toEqual(['p1', 'c1', 'c2', 'c3', 'p2', 'g1', 'p3', 'c4']);
    expect(state.afters).toHaveLength(3);
    // and back: the second page starts where it did
    state = mergedCursorReducer(state, { type: 'prev' });
    expect(state.afters.at(-1)).toEqual({ personnel: 'p1', development: null, compensation: 'c2', governance: null });
  });

  it('keeps the cursor of a service none of whose rows is shown, and leaves out services not asked', () => {
    const merged = mergeServicePages({ personnel: pageOf(lists.personnel, 1, null), governance: pageOf(lists.governance, 1, null) }, FROM_START, 1);
    expect(merged.nodes.map((n) => n.id)).toEqual(['p1']);
    expect(merged.next).toEqual({ ...FROM_START, personnel: 'p1' });
    expect(merged.totalCount).toBe(4);
    expect(merged.hasNextPage).toBe(true);
  });

  it('has no next page when every service is at its end', () => {
    const merged = mergeServicePages({ governance: pageOf(lists.governance, 5, null), development: null }, FROM_START, 5);
    expect(merged).toMatchObject({ totalCount: 1, hasNextPage: false });
    expect(mergedCursorReducer(MERGED_FIRST_PAGE, { type: 'prev' })).toBe(MERGED_FIRST_PAGE);
  });

  it('asks only the services named, by their service names', () => {
    expect(serviceFlags()).toEqual({ personnel: true, development: true, compensation: true, governance: true });
    expect(serviceFlags(['professional-development'])).toEqual({ personnel: false, development: true, compensation: false, governance: false });
    expect(flagsFor('governance')).toEqual({ personnel: false, development: false, compensation: false, governance: true });
    expect(() => flagsFor('analytics')).toThrow('未知的服务：analytics');
  });
});

describe('what people read of submissions', () => {
  it('labels the four statuses as the API does', () => {
    expect(Object.fromEntries(Object.entries(SUBMISSION_STATUS).map(([k, v]) => [k, v.text]))).toEqual({ PENDING: '待审核', APPROVED: '已通过', RETURNED: '已退回', WITHDRAWN: '已撤回' });
  });

  it('lets the bureau decide on pending, conflicting and refused rows only', () => {
    expect(['PENDING', 'CONFLICT', 'REFUSED', 'APPROVED', 'RETURNED', 'WITHDRAWN'].filter(isOpenRow)).toEqual(['PENDING', 'CONFLICT', 'REFUSED']);
  });

  it('sums the services’ pending counts per school or per kind, most first, the oldest age kept', () => {
    const counts = [
      { schoolId: 's1', kind: 'teachers', kindTitle: '教师基本信息', submissions: 1, rows: 3, oldestAgeDays: 2 },
      { schoolId: 's2', kind: 'teachers', kindTitle: '教师基本信息', submissions: 2, rows: 5, oldestAgeDays: 9 },
      { schoolId: 's1', kind: 'violations', kindTitle: '师德违规处分', submissions: 2, rows: 2, oldestAgeDays: 4 },
    ];
    const names: Record<string, string> = { s1: '第一小学', s2: '第二中学' };
    expect(pendingTotals(counts, 'school', (id) => names[id])).toEqual([
      { key: 's1', title: '第一小学', submissions: 3, rows: 5, oldestAgeDays: 4 },
      { key: 's2', title: '第二中学', submissions: 2, rows: 5, oldestAgeDays: 9 },
    ]);
    expect(pendingTotals(counts, 'kind').map((l) => [l.title, l.submissions, l.rows, l.oldestAgeDays])).toEqual([
      ['教师基本信息', 3, 8, 9],
      ['师德违规处分', 2, 2, 4],
    ]);
  });

  it('requires a return reason, in Chinese, of at most 500 characters', () => {
    expect(returnReasonProblem(undefined)).toBe('请填写退回原因');
    expect(returnReasonProblem('   ')).toBe('请填写退回原因');
    expect(returnReasonProblem('wrong id')).toContain('请用中文');
    expect(returnReasonProblem('身'.repeat(501))).toContain('500');
    expect(returnReasonProblem(' 第 2 行身份证件号有误 ')).toBeUndefined();
  });

  it('shows a submitted JSON value without quotes, booleans as 是/否, nothing as —', () => {
    expect(showValue('"王芳"')).toBe('王芳');
    expect(showValue('12')).toBe('12');
    expect(showValue('true')).toBe('是');
    expect(showValue('false')).toBe('否');
    expect(showValue('null')).toBe('—');
    expect(showValue(null)).toBe('—');
    expect(showValue('not json')).toBe('not json');
  });
});

describe('a submitted row’s fields in Chinese', () => {
  it('names a national code by its table’s label, and leaves a value no table (or no single label) knows as it is', () => {
    expect(showValue('"FEMALE"')).toBe('女');
    expect(showValue('"IN_SERVICE"')).toBe(CODES.STAFF_STATUS.label('IN_SERVICE'));
    expect(codeLabel('王芳')).toBeUndefined();
    // two tables that name one value differently: no guess
    const a = { has: (v: string) => v === 'X', label: () => '甲' } as unknown as CodeTable<string>;
    const b = { has: (v: string) => v === 'X', label: () => '乙' } as unknown as CodeTable<string>;
    expect(codeLabel('X', [a, b])).toBeUndefined();
    expect(codeLabel('X', [a])).toBe('甲');
    expect(showValue('"X"', [a, b])).toBe('X');
  });

  it('titles a field by the import template’s header of its kind', () => {
    const headers = new Map([['staffNo', '教职工号']]);
    expect(fieldTitle('staffNo', headers)).toBe('教职工号');
    expect(fieldTitle('somethingNew', headers)).toBe('somethingNew');
    expect(fieldTitle('staffNo', undefined)).toBe('staffNo');
    // fields no template column names
    expect(fieldTitle('schoolId', headers)).toBe('学校');
    expect(fieldTitle('statusCode', headers)).toBe('人员状态代码');
  });
});
