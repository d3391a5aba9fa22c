import { registerEnumType } from 'type-graphql';

/** The services the comparison asks for a figure they own, through the gateway. */
export type PeerService = 'professional-development' | 'compensation' | 'governance';
export const PEER_SERVICES: readonly PeerService[] = ['professional-development', 'compensation', 'governance'];

/**
 * Where each sortable figure of a school comes from: personnel's own tables, another service (which
 * answers it for every school at once), or a formula over both. `empty` is what a school the owner
 * has no records for stands at (0 for counts; null, sorted last, for averages and ratios).
 */
export type MetricSource =
  | { readonly kind: 'school'; readonly column: 'code' | 'name' }
  | { readonly kind: 'personnel' }
  | { readonly kind: 'peer'; readonly service: PeerService; readonly empty: 0 | null }
  | { readonly kind: 'derived' };

const personnel = { kind: 'personnel' } as const;
const development = { kind: 'peer', service: 'professional-development', empty: 0 } as const;
const governance = { kind: 'peer', service: 'governance', empty: 0 } as const;

/** Every figure a school comparison sorts by, with its source and what it means. */
export const METRICS = {
  SCHOOL_CODE: { source: { kind: 'school', column: 'code' }, description: '学校标识码 (the default order)' },
  SCHOOL_NAME: { source: { kind: 'school', column: 'name' }, description: '学校名称' },
  TEACHER_COUNT: { source: personnel, description: 'teacherCount' },
  PUBLIC_TEACHER_COUNT: { source: personnel, description: 'publicTeacherCount' },
  PARTY_MEMBER_TEACHER_COUNT: { source: personnel, description: 'partyMemberTeacherCount' },
  IN_QUOTA_HIRES: { source: personnel, description: 'inQuotaHires' },
  RECRUITED_TOTAL: { source: personnel, description: 'recruitedTotal' },
  ROTATIONS: { source: personnel, description: 'rotations' },
  QUOTA_APPROVED: { source: personnel, description: 'quotaApproved (schools without a quota last)' },
  QUOTA_FILLED: { source: personnel, description: 'quotaFilled' },
  TRAINING_PERSON_TIMES: { source: development, description: 'trainingPersonTimes' },
  TRAINING_HOURS: { source: development, description: 'trainingHours' },
  ETHICS_TRAINING_PERSON_TIMES: { source: development, description: 'ethicsTrainingPersonTimes' },
  ETHICS_TRAINING_SESSIONS: { source: development, description: 'ethicsTrainingSessions' },
  NEW_DESIGNATIONS: { source: development, description: 'newDesignations' },
  DESIGNATED_TEACHER_COUNT: { source: development, description: 'designatedTeacherCount' },
  DESIGNATED_SHARE_OF_PUBLIC_TEACHERS: { source: { kind: 'derived' }, description: 'designatedShareOfPublicTeachers (private schools last)' },
  BACKBONE_TEACHER_COUNT: { source: development, description: 'backboneTeacherCount' },
  BACKBONE_PARTY_MEMBERS: { source: development, description: 'backbonePartyMembers' },
  BACKBONE_NOT_PARTY_MEMBER: { source: development, description: 'backboneNotPartyMember' },
  PARTY_MEMBER_NOT_BACKBONE: { source: { kind: 'derived' }, description: 'partyMemberNotBackbone' },
  STUDIO_COUNT: { source: development, description: 'studioCount' },
  DEMONSTRATION_LESSONS: { source: development, description: 'demonstrationLessons' },
  AVERAGE_TEACHER_PAY: { source: { kind: 'peer', service: 'compensation', empty: null }, description: 'averageTeacherPay (withheld figures last)' },
  PAY_PARITY_RATIO: { source: { kind: 'peer', service: 'compensation', empty: null }, description: 'payParityRatio (withheld figures and private schools last)' },
  TALENT_PASSED: { source: { kind: 'peer', service: 'compensation', empty: 0 }, description: 'talentPassed (withheld figures last)' },
  TALENT_SUBSIDY_TOTAL: { source: { kind: 'peer', service: 'compensation', empty: 0 }, description: 'talentSubsidyTotal (withheld figures last)' },
  PRINCIPALS_CERTIFIED: { source: governance, description: 'principalsCertified' },
  TEACHERS_COMMENDED: { source: governance, description: 'teachersCommended' },
  INSPECTIONS: { source: governance, description: 'inspections' },
  INSPECTIONS_PREVIOUS_YEAR: { source: governance, description: 'inspectionsPreviousYear' },
  INSPECTION_REDUCTION: { source: { kind: 'peer', service: 'governance', empty: null }, description: 'inspectionReduction (schools with none last year last)' },
  REFORM_STATUS: { source: governance, description: 'reformStatus: 未启动 < 试点 < 已完成' },
  ETHICS_VETOED_TEACHERS: { source: governance, description: 'ethicsVetoedTeachers' },
} as const satisfies Record<string, { source: MetricSource; description: string }>;

export type SchoolReportMetric = keyof typeof METRICS;
export const SchoolReportMetric = Object.fromEntries(Object.keys(METRICS).map((k) => [k, k])) as { readonly [K in SchoolReportMetric]: K };

registerEnumType(SchoolReportMetric, {
  name: 'SchoolReportMetric',
  description: 'A figure of SchoolReport to order the school comparison by',
  valuesConfig: Object.fromEntries(Object.entries(METRICS).map(([k, m]) => [k, { description: m.description }])) as never,
});

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = keyof typeof SortDirection;
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending; schools without the figure (withheld, not applicable) come last either way',
});
