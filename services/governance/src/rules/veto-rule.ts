/**
 * The one-vote veto (一票否决), as pure functions: no database, no clock. Everything that decides
 * whether a teacher is vetoed for a year — eligibility answers, refusing an 优秀 appraisal or an
 * award — goes through here.
 *
 * A teacher is vetoed for calendar year Y when
 *  - their 师德考核 result for Y is 不合格, or
 *  - a sanctioned violation's period overlaps Y (any day of it falls in Y).
 *
 * A sanction's period starts on the sanction date (处分发生日期) and counts that day. It runs for
 * 警告 6 months, 记过 12, 降低岗位等级 and 撤职 24, and ends on the day before the same day of the
 * month that many months later: 警告 dated 2024-03-15 applies 2024-03-15 through 2024-09-14. When
 * that month has no such day, it ends on that month's last day (记过 dated 2023-01-31 applies through
 * 2024-01-30; 警告 dated 2023-08-31 through 2024-02-29). 开除 applies permanently. A revocation
 * (处分撤销) dated R stops the sanction applying from R: its last day becomes R − 1 (when earlier
 * than the scheduled end); revoked on its own date it never applied. A violation without a
 * sanction does not veto.
 */
import { addDays, ETHICS_RESULT, lastDayOfMonths, SANCTION, Sanction, SANCTION_MONTHS, ValueOf, yearEnd, yearStart } from '@tw/kernel';
import { ELIGIBILITY_PURPOSE, EligibilityPurpose } from '../codes';

export type EthicsResult = ValueOf<typeof ETHICS_RESULT>;

/** What the rule needs to know of a violation. */
export interface ViolationFacts {
  /** 处分发生日期, YYYY-MM-DD */
  readonly occurredOn: string;
  /** null: a violation recorded without a sanction */
  readonly sanction: Sanction | null;
  /** 处分撤销日期 */
  readonly revokedOn: string | null;
  /** the negative-list item breached, named in reasons */
  readonly item?: { readonly code: string; readonly title: string } | null;
}

/** The days a sanction bars a teacher. */
export interface SanctionPeriod {
  /** the sanction date, the first day */
  readonly from: string;
  /** the last day, inclusive; null: permanently */
  readonly through: string | null;
  /** the last day the sanction was to run without a revocation; null: permanently */
  readonly scheduledThrough: string | null;
  /** the revocation date when it cut the period short */
  readonly revokedOn: string | null;
}

/** The period a violation's sanction applies, or null when it never applies (no sanction, or revoked on its own date). */
export function sanctionPeriod(v: ViolationFacts): SanctionPeriod | null {
  if (!v.sanction) return null;
  const months = SANCTION_MONTHS[v.sanction];
  const scheduled = months === null ? null : lastDayOfMonths(v.occurredOn, months);
  const base = { from: v.occurredOn, through: scheduled, scheduledThrough: scheduled, revokedOn: null };
  if (!v.revokedOn) return base;
  const lastBeforeRevocation = addDays(v.revokedOn, -1);
  if (lastBeforeRevocation < v.occurredOn) return null;
  if (scheduled !== null && scheduled <= lastBeforeRevocation) return base;
  return { ...base, through: lastBeforeRevocation, revokedOn: v.revokedOn };
}

/** Whether the period includes `date`. */
export function appliesOn(period: SanctionPeriod, date: string): boolean {
  return period.from <= date && (period.through === null || date <= period.through);
}

/** Whether any day of the period falls in `year`. */
export function overlapsYear(period: SanctionPeriod, year: number): boolean {
  return period.from <= yearEnd(year) && (period.through === null || period.through >= yearStart(year));
}

function describeViolation(v: ViolationFacts, p: SanctionPeriod): string {
  const item = v.item ? `违反负面清单第 ${v.item.code} 项“${v.item.title}”，` : '';
  const sanction = SANCTION.label(v.sanction!);
  const revoked = p.revokedOn ? `（${p.revokedOn} 撤销）` : '';
  const period = p.through === null ? `影响期自 ${p.from} 起，永久` : `影响期 ${p.from} 至 ${p.through}`;
  return `${v.occurredOn} ${item}受${sanction}处分${revoked}，${period}`;
}

/**
 * Why a teacher is vetoed for `year` (empty when they are not): the ethics result, then each
 * sanction whose period overlaps the year, by date. Reasons are Chinese, for people.
 * @example vetoReasons(2024, null, [{ occurredOn: '2024-03-15', sanction: 'WARNING', revokedOn: null }])
 *   // ['2024-03-15 受警告处分，影响期 2024-03-15 至 2024-09-14']
 */
export function vetoReasons(year: number, ethicsResult: EthicsResult | null | undefined, violations: readonly ViolationFacts[]): string[] {
  const reasons: string[] = [];
  if (ethicsResult === 'INCOMPETENT') reasons.push(`${year} 年度师德考核结论为“不合格”`);
  const applying = violations
    .map((v) => ({ v, p: sanctionPeriod(v) }))
    .filter((x): x is { v: ViolationFacts; p: SanctionPeriod } => x.p !== null && overlapsYear(x.p, year))
    .sort((a, b) => (a.v.occurredOn < b.v.occurredOn ? -1 : a.v.occurredOn > b.v.occurredOn ? 1 : 0));
  for (const { v, p } of applying) reasons.push(describeViolation(v, p));
  return reasons;
}

export interface PurposeEligibilityValue {
  readonly purpose: EligibilityPurpose;
  readonly eligible: boolean;
  readonly reasons: string[];
}

export interface TeacherEligibilityValue {
  readonly teacherId: string;
  readonly year: number;
  readonly vetoed: boolean;
  readonly purposes: PurposeEligibilityValue[];
}

/**
 * A teacher's eligibility for `year`, for every purpose. The veto bars all four purposes alike
 * (excellent appraisal, awards, designations, title promotion); each carries the reasons.
 */
export function eligibilityOf(
  teacherId: string,
  year: number,
  ethicsResult: EthicsResult | null | undefined,
  violations: readonly ViolationFacts[],
): TeacherEligibilityValue {
  const reasons = vetoReasons(year, ethicsResult, violations).map((r) => `一票否决：${r}`);
  const vetoed = reasons.length > 0;
  return {
    teacherId,
    year,
    vetoed,
    purposes: ELIGIBILITY_PURPOSE.values().map((purpose) => ({ purpose, eligible: !vetoed, reasons: [...reasons] })),
  };
}
