import { freezeText, revisionRows, revisionValue } from '../src/lib/frozen';

describe('a frozen year on the dashboard', () => {
  it('says when and by whom the official figures were frozen, in China time', () => {
    expect(freezeText({ frozenAt: '2026-01-05T02:00:00.000Z', frozenBy: 'district-admin' })).toBe('正式数据 · 2026-01-05 10:00 由 district-admin 冻结');
  });

  it('writes a revision’s values as the figure is written: counts, yuan, shares, breakdowns by their labels', () => {
    expect(revisionValue('1234', 'trainingPersonTimes', { format: 'count' })).toBe('1,234');
    expect(revisionValue('"96875.00"', 'averageTeacherPay', { format: 'yuan' })).toBe('96,875.00');
    expect(revisionValue('0.4012', 'designatedShareOfPublicTeachers', { format: 'percent' })).toBe('40.1%');
    expect(revisionValue('null', 'talentSubsidyTotal', { format: 'yuan' })).toBe('—');
    expect(revisionValue(null, 'talentSubsidyTotal', { format: 'yuan' })).toBe('—');
    expect(revisionValue('[{"channel":"CAMPUS","count":2},{"channel":"PUBLIC_OPEN","count":1}]', 'recruitedByChannel', { format: 'count' })).toBe('校园招聘 2；社会公开招聘 1');
    expect(revisionValue('[{"category":"A","passed":null,"withheld":true}]', 'talentPassedByCategory', undefined)).toMatch(/^A类? —$/);
  });

  it('lists every service’s revisions under the part of the report it computes', () => {
    const rows = revisionRows(
      [
        { service: 'personnel', field: 'recruitedTotal', label: '招聘教师数', frozenValue: '4', liveValue: '5' },
        { service: 'professional-development', field: 'trainingPersonTimes', label: '培训人次', frozenValue: '10', liveValue: '11' },
      ],
      new Map([['recruitedTotal', { format: 'count' as const }]]),
    );
    expect(rows).toEqual([
      { key: 'personnel:recruitedTotal', service: '人事与编制', label: '招聘教师数', frozen: '4', live: '5' },
      { key: 'professional-development:trainingPersonTimes', service: '教师发展', label: '培训人次', frozen: '10', live: '11' },
    ]);
  });
});
