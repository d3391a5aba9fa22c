import { CodeTable, graphqlEnum, ValueOf } from '@tw/kernel';

/** What the one-vote veto bars a teacher from (the purposes other services ask about). */
export const ELIGIBILITY_PURPOSE = new CodeTable('EligibilityPurpose', '用途', [
  { value: 'EXCELLENT_APPRAISAL', label: '年度考核评为优秀' },
  { value: 'AWARD', label: '评优评先、荣誉表彰' },
  { value: 'DESIGNATION', label: '名师、骨干教师等称号认定' },
  { value: 'TITLE_PROMOTION', label: '职称评聘晋升' },
] as const);
export type EligibilityPurpose = ValueOf<typeof ELIGIBILITY_PURPOSE>;

// type-graphql lists enums before it reads field thunks: register these while the module loads.
graphqlEnum(ELIGIBILITY_PURPOSE);
