import { CodeTable, graphqlEnum, ValueOf } from '@tw/kernel';

/** What the one-vote veto bars a teacher from (the purposes other services ask about). */
export const ELIGIBILITY_PURPOSE = new CodeTable('EligibilityPurpose', '用途', [
  { value: 'EXCELLENT_APPRAISAL', label: '年度考核评为优秀' },
  { value: 'AWARD', label: '评优评先、荣誉表彰' },
  { value: 'DESIGNATION', label: '名师、骨干教师等称号认定' },
  { value: 'TITLE_PROMOTION', label: '职称评聘晋升' },
] as const);
export type EligibilityPurpose = ValueOf<typeof ELIGIBILITY_PURPOSE>;

/** The kinds of record whose every write the audit log keeps. */
export const AUDIT_ENTITY = new CodeTable('GovernanceAuditEntity', '审计对象', [
  { value: 'ETHICS_ASSESSMENT', label: '师德考核' },
  { value: 'VIOLATION', label: '师德违规与处分' },
  { value: 'APPRAISAL', label: '年度考核' },
  { value: 'AWARD', label: '荣誉' },
  { value: 'NEGATIVE_LIST_ITEM', label: '负面清单事项' },
] as const);
export type AuditEntity = ValueOf<typeof AUDIT_ENTITY>;

// type-graphql lists enums before it reads field thunks: register these while the module loads.
graphqlEnum(ELIGIBILITY_PURPOSE);
graphqlEnum(AUDIT_ENTITY);
