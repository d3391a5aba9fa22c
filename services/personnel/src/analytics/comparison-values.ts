import { Principal, statisticsDay } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { METRICS, PeerService, SchoolReportMetric } from './metrics';
import { schoolRecruitment } from './recruitment-figures';
import type { ReportPeers } from './report-peers';
import { schoolRosters } from './roster-figures';

/** A school of the comparison, before it is ordered. */
export interface ComparedSchool {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

type Value = number | string | null;

async function personnelValues(ds: DataSource, metric: SchoolReportMetric, year: number, schools: readonly ComparedSchool[], all: boolean): Promise<Map<string, Value>> {
  const ids = all ? null : schools.map((s) => s.id);
  if (['IN_QUOTA_HIRES', 'RECRUITED_TOTAL', 'ROTATIONS', 'QUOTA_APPROVED'].includes(metric)) {
    const figures = await schoolRecruitment(ds, year, ids);
    return new Map(
      schools.map((s) => {
        const f = figures.get(s.id);
        const value =
          metric === 'IN_QUOTA_HIRES' ? (f?.inQuotaHires ?? 0)
          : metric === 'ROTATIONS' ? (f?.rotations ?? 0)
          : metric === 'QUOTA_APPROVED' ? (f?.quotaApproved ?? null)
          : (f?.recruitedByChannel.reduce((n, c) => n + c.count, 0) ?? 0);
        return [s.id, value];
      }),
    );
  }
  const rosters = await schoolRosters(ds, statisticsDay(year), ids);
  return new Map(
    schools.map((s) => {
      const r = rosters.get(s.id);
      const value =
        metric === 'TEACHER_COUNT' ? (r?.teachers ?? 0)
        : metric === 'PUBLIC_TEACHER_COUNT' ? (r?.isPublic ? r.teachers : 0)
        : metric === 'PARTY_MEMBER_TEACHER_COUNT' ? (r?.partyMembers ?? 0)
        : (r?.inQuota ?? 0);
      return [s.id, value];
    }),
  );
}

async function peerValues(peers: ReportPeers, service: PeerService, metric: string, empty: 0 | null, year: number, sinceYear: number, reader: Principal, schools: readonly ComparedSchool[]) {
  const values = await peers.schoolMetric(service, metric, year, sinceYear, reader);
  return new Map<string, Value>(schools.map((s) => [s.id, values.has(s.id) ? values.get(s.id)! : empty]));
}

/**
 * Every compared school's value of the figure to order by: from personnel's tables, or asked of the
 * service that owns it (once, for every school), or worked out from both for the two figures whose
 * parts live in two services (the designated share, party members who are not backbone).
 */
export async function comparisonValues(
  o: { ds: DataSource; peers: ReportPeers; reader: Principal },
  metric: SchoolReportMetric,
  year: number,
  sinceYear: number,
  schools: readonly ComparedSchool[],
  all: boolean,
): Promise<Map<string, Value>> {
  const source = METRICS[metric].source;
  switch (source.kind) {
    case 'school':
      return new Map(schools.map((s) => [s.id, s[source.column]]));
    case 'personnel':
      return personnelValues(o.ds, metric, year, schools, all);
    case 'peer':
      return peerValues(o.peers, source.service, metric, source.empty, year, sinceYear, o.reader, schools);
    case 'derived': {
      if (metric === 'DESIGNATED_SHARE_OF_PUBLIC_TEACHERS') {
        const [designated, publicTeachers] = await Promise.all([
          peerValues(o.peers, 'professional-development', 'DESIGNATED_TEACHER_COUNT', 0, year, sinceYear, o.reader, schools),
          personnelValues(o.ds, 'PUBLIC_TEACHER_COUNT', year, schools, all),
        ]);
        // the same division professional-development makes for the field (designatedShareOfPublicTeachers)
        return new Map(schools.map((s) => [s.id, publicTeachers.get(s.id) ? Number(designated.get(s.id)) / Number(publicTeachers.get(s.id)) : null]));
      }
      const [backboneParty, party] = await Promise.all([
        peerValues(o.peers, 'professional-development', 'BACKBONE_PARTY_MEMBERS', 0, year, sinceYear, o.reader, schools),
        personnelValues(o.ds, 'PARTY_MEMBER_TEACHER_COUNT', year, schools, all),
      ]);
      return new Map(schools.map((s) => [s.id, Number(party.get(s.id)) - Number(backboneParty.get(s.id))]));
    }
  }
}
