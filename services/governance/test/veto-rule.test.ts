import { addDays, lastDayOfMonths, Sanction } from '@tw/kernel';
import { appliesOn, eligibilityOf, overlapsYear, sanctionPeriod, vetoReasons, ViolationFacts } from '../src/rules/veto-rule';

const v = (sanction: Sanction | null, occurredOn: string, revokedOn: string | null = null): ViolationFacts => ({ sanction, occurredOn, revokedOn });
const through = (x: ViolationFacts) => sanctionPeriod(x)?.through;

describe('sanction periods', () => {
  it('runs 警告 6 months from the sanction date, counting it: 2024-03-15 through 2024-09-14', () => {
    const p = sanctionPeriod(v('WARNING', '2024-03-15'))!;
    expect(p).toEqual({ from: '2024-03-15', through: '2024-09-14', scheduledThrough: '2024-09-14', revokedOn: null });
    expect(appliesOn(p, '2024-03-14')).toBe(false);
    expect(appliesOn(p, '2024-03-15')).toBe(true);
    expect(appliesOn(p, '2024-09-13')).toBe(true);
    expect(appliesOn(p, '2024-09-14')).toBe(true);
    expect(appliesOn(p, '2024-09-15')).toBe(false);
  });

  it.each<[Sanction, string, string]>([
    ['WARNING', '2024-03-15', '2024-09-14'],
    ['DEMERIT', '2023-07-01', '2024-06-30'],
    ['DEMOTION', '2022-05-10', '2024-05-09'],
    ['REMOVAL', '2022-05-10', '2024-05-09'],
  ])('%s dated %s applies through %s, and not the day after', (sanction, from, last) => {
    const p = sanctionPeriod(v(sanction, from))!;
    expect(p.through).toBe(last);
    expect(appliesOn(p, addDays(last, -1))).toBe(true);
    expect(appliesOn(p, last)).toBe(true);
    expect(appliesOn(p, addDays(last, 1))).toBe(false);
  });

  it('ends on the last day of the month when the end month has no such day', () => {
    expect(lastDayOfMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(lastDayOfMonths('2023-08-30', 6)).toBe('2024-02-29');
    expect(lastDayOfMonths('2023-08-29', 6)).toBe('2024-02-28');
    expect(lastDayOfMonths('2022-08-31', 6)).toBe('2023-02-28');
    expect(lastDayOfMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(lastDayOfMonths('2024-02-28', 12)).toBe('2025-02-27');
    expect(lastDayOfMonths('2024-01-31', 24)).toBe('2026-01-30');
    expect(lastDayOfMonths('2024-03-01', 6)).toBe('2024-08-31');
    expect(through(v('WARNING', '2023-08-31'))).toBe('2024-02-29');
  });

  it('vetoes every year a period touches, even by one day, and not the year after its last day', () => {
    // 警告 from 2024-07-02 runs through 2025-01-01: one day of 2025
    expect(through(v('WARNING', '2024-07-02'))).toBe('2025-01-01');
    expect(vetoReasons(2025, null, [v('WARNING', '2024-07-02')])).toHaveLength(1);
    // a day earlier it ends on 2024-12-31: 2025 is clear
    expect(through(v('WARNING', '2024-07-01'))).toBe('2024-12-31');
    expect(vetoReasons(2024, null, [v('WARNING', '2024-07-01')])).toHaveLength(1);
    expect(vetoReasons(2025, null, [v('WARNING', '2024-07-01')])).toEqual([]);
    // 记过 dated 2023-01-01 ends 2023-12-31; dated 2023-01-02, it touches 2024-01-01
    expect(overlapsYear(sanctionPeriod(v('DEMERIT', '2023-01-01'))!, 2024)).toBe(false);
    expect(overlapsYear(sanctionPeriod(v('DEMERIT', '2023-01-02'))!, 2024)).toBe(true);
    // 降低岗位等级 / 撤职 straddle three calendar years
    for (const s of ['DEMOTION', 'REMOVAL'] as const) {
      const p = sanctionPeriod(v(s, '2022-11-20'))!;
      expect([2021, 2022, 2023, 2024, 2025].map((y) => overlapsYear(p, y))).toEqual([false, true, true, true, false]);
    }
    // the year before the sanction date is never vetoed by it
    expect(vetoReasons(2023, null, [v('WARNING', '2024-01-01')])).toEqual([]);
  });

  it('applies 开除 permanently from its date', () => {
    const p = sanctionPeriod(v('EXPULSION', '2020-01-10'))!;
    expect(p.through).toBeNull();
    expect(appliesOn(p, '2020-01-09')).toBe(false);
    expect(appliesOn(p, '2020-01-10')).toBe(true);
    expect(appliesOn(p, '2099-12-31')).toBe(true);
    expect([2019, 2020, 2030, 2100].map((y) => overlapsYear(p, y))).toEqual([false, true, true, true]);
  });

  it('stops applying on the revocation date', () => {
    const p = sanctionPeriod(v('WARNING', '2024-03-15', '2024-05-01'))!;
    expect(p).toEqual({ from: '2024-03-15', through: '2024-04-30', scheduledThrough: '2024-09-14', revokedOn: '2024-05-01' });
    expect(appliesOn(p, '2024-04-30')).toBe(true);
    expect(appliesOn(p, '2024-05-01')).toBe(false);
    // revoked on its own date: it never applied
    expect(sanctionPeriod(v('WARNING', '2024-03-15', '2024-03-15'))).toBeNull();
    // revoked after it had run its course: no change
    expect(sanctionPeriod(v('WARNING', '2024-03-15', '2024-12-01'))).toEqual({ from: '2024-03-15', through: '2024-09-14', scheduledThrough: '2024-09-14', revokedOn: null });
    // a revocation on 1 January clears that year; on 2 January it does not
    expect(vetoReasons(2024, null, [v('DEMERIT', '2023-11-01', '2024-01-01')])).toEqual([]);
    expect(vetoReasons(2024, null, [v('DEMERIT', '2023-11-01', '2024-01-02')])).toHaveLength(1);
    // even 开除 ends with a revocation
    const expelled = sanctionPeriod(v('EXPULSION', '2020-01-10', '2025-06-01'))!;
    expect(expelled.through).toBe('2025-05-31');
    expect(overlapsYear(expelled, 2025)).toBe(true);
    expect(overlapsYear(expelled, 2026)).toBe(false);
  });

  it('gives no period to a violation without a sanction', () => {
    expect(sanctionPeriod(v(null, '2024-03-15'))).toBeNull();
    expect(vetoReasons(2024, 'COMPETENT', [v(null, '2024-03-15')])).toEqual([]);
  });
});

describe('veto reasons and eligibility', () => {
  const item = { code: '5', title: '关心爱护学生' };

  it('names the ethics result, then each sanction by date with its period', () => {
    const reasons = vetoReasons(2024, 'INCOMPETENT', [
      { ...v('DEMERIT', '2024-06-01', '2024-08-01'), item: { code: '9', title: '坚守廉洁自律' } },
      { ...v('WARNING', '2024-03-15'), item },
      { ...v('EXPULSION', '2024-10-08'), item },
      v('WARNING', '2022-01-01'),
    ]);
    expect(reasons).toEqual([
      '2024 年度师德考核结论为“不合格”',
      '2024-03-15 违反负面清单第 5 项“关心爱护学生”，受警告处分，影响期 2024-03-15 至 2024-09-14',
      '2024-06-01 违反负面清单第 9 项“坚守廉洁自律”，受记过处分（2024-08-01 撤销），影响期 2024-06-01 至 2024-07-31',
      '2024-10-08 违反负面清单第 5 项“关心爱护学生”，受开除处分，影响期自 2024-10-08 起，永久',
    ]);
  });

  it('does not veto for an ethics result other than 不合格', () => {
    for (const r of ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT'] as const) expect(vetoReasons(2024, r, [])).toEqual([]);
  });

  it('bars every purpose alike, with the reasons', () => {
    const e = eligibilityOf('t1', 2024, 'INCOMPETENT', [{ ...v('WARNING', '2024-03-15'), item }]);
    expect(e.vetoed).toBe(true);
    expect(e.purposes.map((p) => p.purpose)).toEqual(['EXCELLENT_APPRAISAL', 'AWARD', 'DESIGNATION', 'TITLE_PROMOTION']);
    for (const p of e.purposes) {
      expect(p.eligible).toBe(false);
      expect(p.reasons).toEqual(['一票否决：2024 年度师德考核结论为“不合格”', '一票否决：2024-03-15 违反负面清单第 5 项“关心爱护学生”，受警告处分，影响期 2024-03-15 至 2024-09-14']);
    }
    const clear = eligibilityOf('t1', 2025, 'COMPETENT', [{ ...v('WARNING', '2024-03-15'), item }]);
    expect(clear).toEqual({
      teacherId: 't1',
      year: 2025,
      vetoed: false,
      purposes: ['EXCELLENT_APPRAISAL', 'AWARD', 'DESIGNATION', 'TITLE_PROMOTION'].map((purpose) => ({ purpose, eligible: true, reasons: [] })),
    });
  });
});
