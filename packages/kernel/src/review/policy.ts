import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Directive } from 'type-graphql';
import { Principal } from '../auth/principal';

/**
 * What becomes of a SCHOOL_ADMIN's write of a kind of record (a district admin's writes always go live):
 * - HELD: every new or changed record waits for the bureau's review (a submission);
 * - FIELDS: a new record waits, and a change of one of `heldFields`; other changes go live;
 * - LIVE: written at once;
 * - BUREAU: only the bureau writes this kind (a school's write is refused by the role check).
 */
export enum ReviewMode {
  HELD = 'HELD',
  FIELDS = 'FIELDS',
  LIVE = 'LIVE',
  BUREAU = 'BUREAU',
}
registerEnumType(ReviewMode, { name: 'ReviewMode', description: "What becomes of a school admin's write of a kind: HELD (waits for the bureau's review), FIELDS (a new record and a change of the held fields wait, other changes go live), LIVE (written at once), BUREAU (only the bureau writes it)" });

export interface ReviewRule {
  /** the BulkPlan's name (teachers, violations…) */
  readonly kind: string;
  readonly service: string;
  /** the bulk mutation that writes it (approval writes through it) */
  readonly mutation: string;
  /** what people call it (Chinese) */
  readonly title: string;
  readonly mode: ReviewMode;
  /** FIELDS: the properties of the record whose change waits, with their Chinese names */
  readonly heldFields?: ReadonlyArray<readonly [string, string]>;
  /** why (Chinese), for the README and the API */
  readonly why: string;
}

const TEACHER_HELD: ReadonlyArray<readonly [string, string]> = [
  ['name', '姓名'],
  ['idType', '身份证件类型'],
  ['idNumber', '身份证件号'],
  ['gender', '性别'],
  ['birthDate', '出生日期'],
  ['schoolId', '所在学校'],
  ['schoolStartMonth', '进本校年月'],
  ['inQuota', '是否在编'],
  ['employmentForm', '用人形式'],
  ['status', '人员状态'],
  ['statusCode', '人员状态代码'],
  ['statusDetail', '人员状态（详情）'],
];

/** The review policy: one rule per kind of record the bulk mutations write. */
export const REVIEW_POLICY: readonly ReviewRule[] = [
  { kind: 'teachers', service: 'personnel', mutation: 'upsertTeachers', title: '教师基本信息', mode: ReviewMode.FIELDS, heldFields: TEACHER_HELD, why: '新增教师及身份、编制、人员状态、调动的变更决定在编人数与名册，须经区教育局审核；联系方式、学科等其他信息直接生效' },
  { kind: 'hires', service: 'personnel', mutation: 'upsertHires', title: '教师招聘', mode: ReviewMode.HELD, why: '新进人员（在编招聘）计入编制使用与年度新增人数' },
  { kind: 'rotations', service: 'personnel', mutation: 'upsertRotations', title: '交流轮岗', mode: ReviewMode.HELD, why: '交流轮岗改变教师所在学校及人事关系' },
  { kind: 'schools', service: 'personnel', mutation: 'upsertSchools', title: '学校名册', mode: ReviewMode.BUREAU, why: '学校名册由区教育局维护' },
  { kind: 'quotas', service: 'personnel', mutation: 'upsertQuotas', title: '编制核定', mode: ReviewMode.BUREAU, why: '编制由区教育局核定' },
  { kind: 'trainings', service: 'professional-development', mutation: 'upsertTrainings', title: '培训记录', mode: ReviewMode.LIVE, why: '培训记录由学校据实登记，直接生效' },
  { kind: 'designations', service: 'professional-development', mutation: 'upsertDesignations', title: '名师骨干认定', mode: ReviewMode.HELD, why: '认定计入名优教师占比，且受一票否决约束' },
  { kind: 'studios', service: 'professional-development', mutation: 'upsertStudios', title: '名师工作室', mode: ReviewMode.LIVE, why: '工作室及成员由学校登记，直接生效' },
  { kind: 'lessons', service: 'professional-development', mutation: 'upsertLessons', title: '示范课', mode: ReviewMode.LIVE, why: '示范课由学校据实登记，直接生效' },
  { kind: 'mentoring', service: 'professional-development', mutation: 'upsertMentoringPairs', title: '师徒结对', mode: ReviewMode.LIVE, why: '师徒结对由学校登记，直接生效' },
  { kind: 'pay-records', service: 'compensation', mutation: 'upsertPayRecords', title: '工资记录', mode: ReviewMode.HELD, why: '工资决定教师平均工资与公务员对比，属敏感信息' },
  { kind: 'allocations', service: 'compensation', mutation: 'upsertPerformancePayAllocations', title: '绩效工资分配', mode: ReviewMode.BUREAU, why: '绩效工资总量由区教育局核定，学校不能写入' },
  { kind: 'talent-records', service: 'compensation', mutation: 'upsertTalentRecords', title: '优秀教育人才', mode: ReviewMode.BUREAU, why: '人才类别与津贴由区教育局认定，学校不能写入' },
  { kind: 'benchmarks', service: 'compensation', mutation: 'upsertCivilServantBenchmarks', title: '公务员工资基准', mode: ReviewMode.BUREAU, why: '由区教育局维护' },
  { kind: 'violations', service: 'governance', mutation: 'upsertViolations', title: '师德违规处分', mode: ReviewMode.HELD, why: '处分触发一票否决，决定教师评优与晋升，须经区教育局核实' },
  { kind: 'ethics-assessments', service: 'governance', mutation: 'upsertEthicsAssessments', title: '师德考核', mode: ReviewMode.HELD, why: '“不合格”触发一票否决' },
  { kind: 'appraisals', service: 'governance', mutation: 'upsertAppraisals', title: '年度考核', mode: ReviewMode.HELD, why: '年度考核等次须经审核' },
  { kind: 'awards', service: 'governance', mutation: 'upsertAwards', title: '表彰奖励', mode: ReviewMode.HELD, why: '表彰计入受表彰人数，受一票否决约束' },
  { kind: 'principal-ranks', service: 'governance', mutation: 'upsertPrincipalRanks', title: '校长职级', mode: ReviewMode.BUREAU, why: '校长职级由区教育局认定，学校不能写入' },
  { kind: 'school-reforms', service: 'governance', mutation: 'upsertSchoolReforms', title: '治理改革进度', mode: ReviewMode.BUREAU, why: '改革进度由区教育局登记，学校不能写入' },
  { kind: 'inspection-events', service: 'governance', mutation: 'upsertInspectionEvents', title: '检查考核事项', mode: ReviewMode.LIVE, why: '学校据实登记所受检查，直接生效' },
  { kind: 'inspection-items', service: 'governance', mutation: 'upsertInspectionItems', title: '检查考核目录清单', mode: ReviewMode.BUREAU, why: '目录清单由区教育局维护' },
];

const BY_KIND = new Map(REVIEW_POLICY.map((r) => [r.kind, r]));

/** The rule of a kind (undefined: a plan the policy does not name, written live). */
export function reviewRule(kind: string): ReviewRule | undefined {
  return BY_KIND.get(kind);
}

/** The rule that holds `principal`'s writes of `kind` for review, or undefined when they go live. */
export function holdingRule(kind: string, principal: Principal | undefined): ReviewRule | undefined {
  if (!principal || principal.role !== 'SCHOOL_ADMIN') return undefined;
  const rule = BY_KIND.get(kind);
  return rule && (rule.mode === ReviewMode.HELD || rule.mode === ReviewMode.FIELDS) ? rule : undefined;
}

/** Two stored values alike (a boolean read back as 0/1, a date as a Date or text). */
export function sameStored(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (a instanceof Date || b instanceof Date) return new Date(a as string).getTime() === new Date(b as string).getTime();
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) === Number(b);
  return String(a) === String(b);
}

/** Whether a write of `record` over `before` waits for review under `rule`. */
export function isHeld(rule: ReviewRule, before: Record<string, unknown> | null, record: Record<string, unknown>): boolean {
  if (rule.mode === ReviewMode.HELD || !before) return true;
  return (rule.heldFields ?? []).some(([f]) => !sameStored(before[f], record[f]));
}

@ObjectType('ReviewRule', { description: "What becomes of a school admin's write of one kind of record" })
@Directive('@shareable')
export class ReviewRuleType {
  @Field({ description: 'The kind (the importer\'s kind and the bulk plan\'s name: teachers, violations, …)' }) kind!: string;
  @Field({ description: 'The service that keeps it' }) service!: string;
  @Field({ description: 'The bulk mutation that writes it' }) mutation!: string;
  @Field({ description: 'Its Chinese name' }) title!: string;
  @Field(() => ReviewMode) mode!: ReviewMode;
  @Field(() => [String], { description: 'FIELDS: the fields whose change waits for review (their Chinese names)' }) heldFields!: string[];
  @Field({ description: 'Why (Chinese)' }) why!: string;
}

export function reviewRuleTypes(): ReviewRuleType[] {
  return REVIEW_POLICY.map((r) => ({ kind: r.kind, service: r.service, mutation: r.mutation, title: r.title, mode: r.mode, heldFields: (r.heldFields ?? []).map(([, t]) => t), why: r.why }));
}
