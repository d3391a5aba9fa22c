import { AppError, ErrorCode, HistoryEntry, Principal, REQUEST_ID_HEADER, currentRequestScope, signDelegatedToken, signServiceToken } from '@tw/kernel';
import type { PeerService } from './metrics';

/** One figure of every school, as the service that owns it answers it for a reader. */
export type SchoolValues = ReadonlyMap<string, number | null>;

/** The other services, as the school comparison asks them for the figure it sorts by. */
export interface ReportPeers {
  schoolMetric(service: PeerService, metric: string, year: number, sinceYear: number, reader: Principal): Promise<SchoolValues>;
  /** a service's part of a teacher's timeline, asked as personnel (which has checked the reader's scope) */
  teacherHistory(service: PeerService, teacherId: string, page: { first: number; after: string | null; since: string | null }): Promise<HistoryEntry[]>;
}

const HISTORY_FIELDS = 'cursor date until service entity recordId op changes { field before after } superseded recordedAt recordedBy recordedByRole actingService importJobId reason';
const HISTORY: Record<PeerService, string> = {
  'professional-development': `query($t: ID!, $first: Int!, $after: String, $since: LocalDate) { h: developmentTeacherHistory(teacherId: $t, first: $first, after: $after, since: $since) { ${HISTORY_FIELDS} } }`,
  compensation: `query($t: ID!, $first: Int!, $after: String, $since: LocalDate) { h: compensationTeacherHistory(teacherId: $t, first: $first, after: $after, since: $since) { ${HISTORY_FIELDS} } }`,
  governance: `query($t: ID!, $first: Int!, $after: String, $since: LocalDate) { h: governanceTeacherHistory(teacherId: $t, first: $first, after: $after, since: $since) { ${HISTORY_FIELDS} } }`,
};

const QUERIES: Record<PeerService, string> = {
  'professional-development':
    'query DevelopmentSchoolMetric($year: Int!, $sinceYear: Int!, $metric: DevelopmentSchoolMetric!) { values: developmentSchoolMetric(year: $year, sinceYear: $sinceYear, metric: $metric) { schoolId value } }',
  compensation: 'query CompensationSchoolMetric($year: Int!, $metric: CompensationSchoolMetric!) { values: compensationSchoolMetric(year: $year, metric: $metric) { schoolId value } }',
  governance: 'query GovernanceSchoolMetric($year: Int!, $metric: GovernanceSchoolMetric!) { values: governanceSchoolMetric(year: $year, metric: $metric) { schoolId value } }',
};

/**
 * The peers reached through the gateway. The call is made on behalf of the reader (a delegated token),
 * not as personnel: an owner that withholds a figure from this reader (compensation's small-group rule)
 * withholds it here too, so the order of the comparison never tells what the reader may not read.
 */
export function gatewayReportPeers(o: { url: string; gatewaySecret: string; timeoutMs?: number }): ReportPeers {
  return {
    async schoolMetric(service, metric, year, sinceYear, reader) {
      const token = reader.role === 'SERVICE' ? signServiceToken('personnel', o.gatewaySecret) : signDelegatedToken('personnel', o.gatewaySecret, reader, '5m');
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      const requestId = currentRequestScope()?.requestId;
      if (requestId) headers[REQUEST_ID_HEADER] = requestId;
      let body: { data?: { values: Array<{ schoolId: string; value: number | null }> }; errors?: Array<{ message: string }> };
      try {
        const res = await fetch(o.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: QUERIES[service], variables: { year, sinceYear, metric } }),
          signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
        });
        body = (await res.json()) as typeof body;
      } catch (e) {
        throw new AppError(ErrorCode.UNAVAILABLE, `The ${service} figures for the school comparison could not be fetched through the gateway (${o.url}): ${(e as Error).message}`);
      }
      if (body.errors?.length || !body.data) {
        throw new AppError(ErrorCode.UNAVAILABLE, `${service} did not answer the school comparison's ${metric}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      }
      return new Map(body.data.values.map((v) => [v.schoolId, v.value]));
    },
    async teacherHistory(service, teacherId, page) {
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${signServiceToken('personnel', o.gatewaySecret)}` };
      const requestId = currentRequestScope()?.requestId;
      if (requestId) headers[REQUEST_ID_HEADER] = requestId;
      let body: { data?: { h: Array<HistoryEntry & { recordedAt: string }> }; errors?: Array<{ message: string }> };
      try {
        const res = await fetch(o.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: HISTORY[service], variables: { t: teacherId, ...page } }),
          signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
        });
        body = (await res.json()) as typeof body;
      } catch (e) {
        throw new AppError(ErrorCode.UNAVAILABLE, `The ${service} part of the timeline could not be fetched through the gateway (${o.url}): ${(e as Error).message}`);
      }
      if (body.errors?.length || !body.data) throw new AppError(ErrorCode.UNAVAILABLE, `${service} did not answer the timeline: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      return body.data.h.map((e) => Object.assign(new HistoryEntry(), { ...e, recordedAt: new Date(e.recordedAt) }));
    },
  };
}

/** Without a gateway, sorting by another service's figure says so. */
export const unreachablePeers: ReportPeers = {
  async schoolMetric(service) {
    throw new AppError(ErrorCode.UNAVAILABLE, `personnel was started without a gateway URL, so it cannot ask ${service} for the figure to sort by`);
  },
  async teacherHistory(service) {
    throw new AppError(ErrorCode.UNAVAILABLE, `personnel was started without a gateway URL, so it cannot ask ${service} for its part of the timeline`);
  },
};
