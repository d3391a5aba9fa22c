import { AppError, ErrorCode, GatewayClient } from '@tw/kernel';

/** What governance may refuse a vetoed teacher (一票否决). */
export type EligibilityPurpose = 'EXCELLENT_APPRAISAL' | 'AWARD' | 'DESIGNATION' | 'TITLE_PROMOTION';

/** Governance's answer for one teacher and year. */
export interface TeacherEligibility {
  readonly teacherId: string;
  readonly vetoed: boolean;
  readonly purposes: ReadonlyArray<{ readonly purpose: EligibilityPurpose; readonly eligible: boolean; readonly reasons: readonly string[] }>;
}

/**
 * Asks governance whether teachers are vetoed (一票否决) in a year. Called once per year per bulk
 * call, with every teacher of that call's new designations of that year. An implementation that
 * cannot answer must throw (UNAVAILABLE): the check is never skipped.
 */
export interface EligibilityChecker {
  check(teacherIds: readonly string[], year: number): Promise<ReadonlyMap<string, TeacherEligibility>>;
}

/** Whether governance's answer allows a new designation; the reasons (Chinese, from governance) when not. */
export function designationRefusal(e: TeacherEligibility): readonly string[] | null {
  const p = e.purposes.find((x) => x.purpose === 'DESIGNATION');
  // a vetoed teacher without a DESIGNATION line is refused all the same: the veto covers designations
  if (p ? p.eligible : !e.vetoed) return null;
  const reasons = p?.reasons.length ? p.reasons : e.purposes.flatMap((x) => x.reasons);
  return reasons.length ? reasons : ['师德一票否决'];
}

export const ELIGIBILITY_QUERY =
  'query DesignationEligibility($ids: [ID!]!, $year: Int!) { eligibility(teacherIds: $ids, year: $year) { teacherId vetoed purposes { purpose eligible reasons } } }';

/** The most teacher ids one eligibility request carries (a bulk call has at most 1,000 rows). */
const CHUNK = 1000;

/** Fails a bulk call when governance cannot say whether a teacher is vetoed: the check is never skipped. */
export class EligibilityUnavailable extends AppError {
  constructor(detail: string) {
    super(ErrorCode.UNAVAILABLE, `无法向治理服务核验师德一票否决情况，本次导入未写入任何数据，请稍后重试（${detail}）`, { service: 'governance' });
  }
}

export const eligibilityUnavailable = (detail: string) => new EligibilityUnavailable(detail);

/**
 * The checker backed by governance's `eligibility` query, asked through the gateway with a service
 * token. Any failure, or an answer that leaves a teacher out, fails the call.
 */
export function gatewayEligibilityChecker(gateway: GatewayClient): EligibilityChecker {
  return {
    async check(teacherIds, year) {
      const out = new Map<string, TeacherEligibility>();
      const ids = [...new Set(teacherIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        let data: { eligibility: TeacherEligibility[] | null };
        try {
          data = await gateway.request<{ eligibility: TeacherEligibility[] | null }>(ELIGIBILITY_QUERY, { ids: chunk, year });
        } catch (e) {
          throw eligibilityUnavailable((e as Error).message);
        }
        for (const e of data.eligibility ?? []) out.set(e.teacherId, e);
        const missing = chunk.filter((id) => !out.has(id));
        if (missing.length) throw eligibilityUnavailable(`治理服务未返回教师 ${missing.slice(0, 3).join('、')}${missing.length > 3 ? ' 等' : ''} 的 ${year} 年度资格`);
      }
      return out;
    },
  };
}
