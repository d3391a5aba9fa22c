/**
 * A small district whose every report figure is known by construction, loaded through the gateway's
 * bulk mutations (the importer's path), and the figures it must give. Report year 2025 (a finished
 * year, so pay can be filed), previous year 2024.
 */
import { makeIdNumber } from '@tw/kernel/testing';
import type { Platform } from '../src/platform';

export const YEAR = 2025;

const UPSERT = (name: string, input: string) =>
  `mutation($rows: [${input}!]!) { r: ${name}(rows: $rows) { created rejected rows { index status code message } } }`;

type Sponsor = 'PUBLIC' | 'PRIVATE';
const SCHOOLS: ReadonlyArray<{ key: string; code: string; name: string; sponsor: Sponsor }> = [
  { key: 'S1', code: '4101029101', name: '报表第一小学', sponsor: 'PUBLIC' },
  { key: 'S2', code: '4101029102', name: '报表第二中学', sponsor: 'PUBLIC' },
  { key: 'S3', code: '4101029103', name: '报表民办学校', sponsor: 'PRIVATE' },
];

// t1…t17: school, status, political status, in quota
const TEACHERS: ReadonlyArray<[string, string, string, string, boolean]> = [
  ['t1', 'S1', 'IN_SERVICE', 'CPC_MEMBER', true],
  ['t2', 'S1', 'IN_SERVICE', 'CPC_MEMBER', true],
  ['t3', 'S1', 'IN_SERVICE', 'CPC_MEMBER', true],
  ['t4', 'S1', 'IN_SERVICE', 'CPC_PROBATIONARY_MEMBER', true],
  ['t5', 'S1', 'IN_SERVICE', 'MASSES', true],
  ['t6', 'S1', 'IN_SERVICE', 'MASSES', true],
  ['t7', 'S1', 'IN_SERVICE', 'CYL_MEMBER', true],
  ['t8', 'S1', 'RETIRED', 'CPC_MEMBER', true],
  ['t9', 'S1', 'NOT_AT_POST', 'MASSES', true],
  ['t10', 'S2', 'IN_SERVICE', 'CPC_MEMBER', true],
  ['t11', 'S2', 'IN_SERVICE', 'MASSES', true],
  ['t12', 'S2', 'IN_SERVICE', 'MASSES', false],
  ['t13', 'S2', 'IN_SERVICE', 'MASSES', false],
  ['t14', 'S2', 'RESIGNED', 'CPC_MEMBER', true],
  ['t15', 'S3', 'IN_SERVICE', 'CPC_MEMBER', false],
  ['t16', 'S3', 'IN_SERVICE', 'MASSES', false],
  ['t17', 'S3', 'IN_SERVICE', 'NON_PARTISAN', false],
];

export interface District {
  /** school id by key (S1…) */
  readonly school: Record<string, string>;
  /** teacher id by key (t1…) */
  readonly teacher: Record<string, string>;
}

async function load(p: Platform, mutation: string, input: string, rows: unknown[]): Promise<void> {
  const r = await p.admin(UPSERT(mutation, input), { rows });
  if (r.errors?.length) throw new Error(`${mutation}: ${r.errors.map((e) => e.message).join('; ')}`);
  if (r.data.r.rejected) throw new Error(`${mutation}: ${JSON.stringify(r.data.r.rows.filter((x: { status: string }) => x.status === 'REJECTED'))}`);
}

/** Loads the district through the gateway and returns its ids. */
export async function loadReportDistrict(p: Platform): Promise<District> {
  await load(p, 'upsertSchools', 'SchoolInput', SCHOOLS.map(({ code, name, sponsor }) => ({ code, name, type: 'PRIMARY', sponsor })));
  const codeOf = new Map(SCHOOLS.map((s) => [s.key, s.code]));
  await load(
    p,
    'upsertTeachers',
    'TeacherInput',
    TEACHERS.map(([key, school, status, politicalStatus, inQuota], i) => {
      const birthDate = `19${80 + i}-0${(i % 9) + 1}-1${i % 9}`;
      return {
        schoolCode: codeOf.get(school),
        name: `报表教师${key}`,
        gender: i % 2 ? 'MALE' : 'FEMALE',
        idNumber: makeIdNumber({ birthDate, seq: 60 + i, gender: i % 2 ? 'MALE' : 'FEMALE' }),
        birthDate,
        ethnicity: 'HAN',
        politicalStatus,
        workStartMonth: '2010-09',
        schoolStartMonth: '2012-09',
        inQuota,
        employmentForm: inQuota ? null : 'CONTRACT',
        status,
      };
    }),
  );
  const list = await p.admin('{ schools(first: 100) { nodes { id code } } teachers(first: 100) { nodes { id name } } }');
  const school = Object.fromEntries(SCHOOLS.map((s) => [s.key, list.data.schools.nodes.find((n: { code: string }) => n.code === s.code).id as string]));
  const teacher = Object.fromEntries(list.data.teachers.nodes.map((n: { id: string; name: string }) => [n.name.replace('报表教师', ''), n.id]));
  const t = (k: string) => teacher[k];

  // personnel: quotas, hires, rotations
  await load(p, 'upsertQuotas', 'QuotaInput', [
    { schoolId: school.S1, year: 2025, approved: 10 },
    { schoolId: school.S2, year: 2025, approved: 3 },
    { schoolId: school.S1, year: 2024, approved: 9 },
  ]);
  await load(p, 'upsertHires', 'HireInput', [
    { teacherId: t('t1'), year: 2025, channel: 'CAMPUS', inQuotaDate: '2025-09-01' },
    { teacherId: t('t2'), year: 2024, channel: 'PUBLIC_OPEN', inQuotaDate: '2025-03-01' },
    { teacherId: t('t10'), year: 2025, channel: 'TALENT_INTRODUCTION', inQuotaDate: null },
    { teacherId: t('t12'), year: 2025, channel: 'CAMPUS', inQuotaDate: null },
    // a teacher who has resigned since: the hire of 2025 still happened
    { teacherId: t('t14'), year: 2025, channel: 'PUBLIC_OPEN', inQuotaDate: '2025-06-01' },
  ]);
  const name = (k: string) => SCHOOLS.find((s) => s.key === k)!.name;
  await load(p, 'upsertRotations', 'RotationInput', [
    { teacherId: t('t3'), type: '县管校聘交流', personnelRelationMoved: false, startMonth: '2025-09', fromSchoolName: name('S1'), toSchoolName: name('S2') },
    { teacherId: t('t5'), type: '支教', personnelRelationMoved: false, startMonth: '2025-03', fromSchoolName: name('S1'), toSchoolName: '外区某乡村小学' },
    { teacherId: t('t11'), type: '城乡交流', personnelRelationMoved: false, startMonth: '2024-09', fromSchoolName: name('S2'), toSchoolName: name('S1') },
  ]);

  // professional development: trainings, designations, studios, lessons
  const training = (k: string, year: number, level: string, projectName: string, hours: number, topic: string) => ({ teacherId: t(k), year, level, projectName, mode: 'SHORT_FACE_TO_FACE', hours, topic });
  await load(p, 'upsertTrainings', 'TrainingInput', [
    ...['t1', 't2', 't10', 't15'].map((k) => training(k, 2025, 'COUNTY', '2025年师德师风专题培训', 6, 'ETHICS')),
    ...['t1', 't11'].map((k) => training(k, 2025, 'PROVINCIAL', '2025年学习贯彻党的二十大精神专题培训', 10, 'POLITICAL')),
    ...['t3', 't4', 't12'].map((k) => training(k, 2025, 'MUNICIPAL', '2025年数学学科教学研修', 20, 'SUBJECT_TEACHING')),
    training('t5', 2025, 'SCHOOL', '2025年校本研修', 30, 'SUBJECT_TEACHING'),
    training('t1', 2024, 'COUNTY', '2024年师德师风专题培训', 6, 'ETHICS'),
  ]);
  const designation = (k: string, kind: string, level: string, year: number, validUntil: string | null) => ({ teacherId: t(k), kind, level, year, validUntil });
  await load(p, 'upsertDesignations', 'DesignationInput', [
    designation('t1', 'BACKBONE_TEACHER', 'DISTRICT', 2025, '2027-12-31'),
    designation('t1', 'SUBJECT_LEADER', 'DISTRICT', 2025, null),
    designation('t3', 'FAMOUS_TEACHER', 'MUNICIPAL', 2023, null),
    designation('t5', 'BACKBONE_TEACHER', 'DISTRICT', 2022, '2024-12-31'),
    designation('t6', 'SUBJECT_LEADER', 'DISTRICT', 2024, '2026-12-31'),
    designation('t8', 'FAMOUS_TEACHER', 'PROVINCIAL', 2020, null),
    designation('t10', 'BACKBONE_TEACHER', 'MUNICIPAL', 2025, '2027-12-31'),
    designation('t12', 'BACKBONE_TEACHER', 'DISTRICT', 2025, null),
    designation('t15', 'BACKBONE_TEACHER', 'DISTRICT', 2024, null),
  ]);
  await load(p, 'upsertStudios', 'StudioInput', [
    { name: '报表数学名师工作室', kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', hostTeacherId: t('t3'), foundedYear: 2024 },
    { name: '报表语文名师工作室', kind: 'FAMOUS_TEACHER', level: 'DISTRICT', hostTeacherId: t('t6'), foundedYear: 2025 },
  ]);
  await load(p, 'upsertLessons', 'LessonInput', [
    { date: '2025-04-10', teacherId: t('t3'), title: '勾股定理的证明', kind: 'DEMONSTRATION', studioName: '报表数学名师工作室' },
    { date: '2025-05-12', teacherId: t('t4'), title: '圆的面积', kind: 'OBSERVATION' },
    { date: '2025-10-20', teacherId: t('t10'), title: '整本书阅读', kind: 'OPEN' },
    { date: '2024-11-11', teacherId: t('t1'), title: '分数的初步认识', kind: 'OPEN' },
  ]);

  // compensation: benchmark, pay (t8 retired: recorded as not serving), talent
  await load(p, 'upsertCivilServantBenchmarks', 'CivilServantBenchmarkInput', [{ year: 2025, averageAnnualPay: '100000.00' }]);
  const pay: Array<[string, string]> = [
    ['t1', '120000.00'], ['t2', '110000.00'], ['t3', '100000.00'], ['t4', '90000.00'], ['t5', '80000.00'], ['t6', '100000.00'],
    ['t8', '150000.00'], ['t10', '90000.00'], ['t11', '85000.00'], ['t15', '70000.00'], ['t16', '72000.00'],
  ];
  await load(p, 'upsertPayRecords', 'PayRecordInput', pay.map(([k, annualIncome]) => ({ teacherId: t(k), year: 2025, annualIncome })));
  await load(p, 'upsertTalentRecords', 'TalentRecordInput', [
    { teacherId: t('t1'), year: 2025, category: 'A', result: 'PASSED', subsidy: '30000.00' },
    { teacherId: t('t2'), year: 2025, category: 'B', result: 'PASSED', subsidy: '15000.00' },
    { teacherId: t('t3'), year: 2025, category: 'C', result: 'FAILED', subsidy: null },
    { teacherId: t('t10'), year: 2025, category: 'C', result: 'PASSED', subsidy: '6000.00' },
    { teacherId: t('t15'), year: 2025, category: 'B', result: 'PASSED', subsidy: '15000.00' },
  ]);

  // governance: ranks, awards, catalogue and inspections, reform, ethics and violations
  await load(p, 'upsertPrincipalRanks', 'PrincipalRankInput', [
    { teacherId: t('t1'), rank: 'SENIOR', year: 2025 },
    { teacherId: t('t10'), rank: 'JUNIOR', year: 2024 },
  ]);
  await load(p, 'upsertAwards', 'AwardInput', [
    { teacherId: t('t2'), title: '区优秀教师', level: 'COUNTY', awardedOn: '2025-09-10' },
    { teacherId: t('t2'), title: '市优秀教师', level: 'MUNICIPAL', awardedOn: '2025-09-10' },
    { teacherId: t('t11'), title: '区优秀班主任', level: 'COUNTY', awardedOn: '2025-09-10' },
    { teacherId: t('t16'), title: '校级优秀教师', level: 'GRASSROOTS', awardedOn: '2024-09-10' },
  ]);
  const item = (year: number, n: string) => ({ year, name: n, department: '督导室' });
  await load(p, 'upsertInspectionItems', 'InspectionItemInput', [item(2024, '甲检查'), item(2024, '乙检查'), item(2024, '丙检查'), item(2025, '甲检查'), item(2025, '乙检查')]);
  const held = (year: number, n: string, s: string | null, heldOn: string) => ({ ...item(year, n), schoolId: s ? school[s] : null, heldOn });
  await load(p, 'upsertInspectionEvents', 'InspectionEventInput', [
    held(2024, '甲检查', 'S1', '2024-04-01'),
    held(2024, '乙检查', 'S1', '2024-05-01'),
    held(2024, '丙检查', 'S2', '2024-06-01'),
    held(2024, '甲检查', 'S2', '2024-04-02'),
    held(2025, '甲检查', 'S1', '2025-04-01'),
    held(2025, '乙检查', 'S2', '2025-05-01'),
    held(2025, '甲检查', null, '2025-04-03'),
  ]);
  await load(p, 'upsertSchoolReforms', 'SchoolReformInput', [
    { schoolId: school.S1, status: 'COMPLETED', pilotStartedOn: '2023-09-01', completedOn: '2025-07-01' },
    { schoolId: school.S2, status: 'PILOT', pilotStartedOn: '2025-03-01' },
  ]);
  await load(p, 'upsertEthicsAssessments', 'EthicsAssessmentInput', [{ teacherId: t('t4'), year: 2025, result: 'INCOMPETENT' }]);
  const violation = (k: string, occurredOn: string, sanction: string | null, revokedOn: string | null = null) => ({ teacherId: t(k), occurredOn, negativeListItem: '5', sanction, revokedOn });
  await load(p, 'upsertViolations', 'ViolationInput', [
    violation('t5', '2024-07-02', 'WARNING'), // through 2025-01-01: vetoes 2024 and, by one day, 2025
    violation('t7', '2024-03-15', 'DEMERIT', '2024-06-01'), // revoked: 2024 only
    violation('t13', '2024-07-01', 'WARNING'), // through 2024-12-31: 2024 only
    violation('t16', '2025-02-02', null), // no sanction: no veto
    violation('t14', '2023-05-05', 'EXPULSION'), // permanently
  ]);
  return { school, teacher };
}

/** The district report of 2025 (sinceYear 2025) as DISTRICT_ADMIN reads it, worked out by hand from the rows above. */
export const REPORT_2025 = {
  year: 2025,
  sinceYear: 2025,
  // personnel: the roster now (t8 retired, t14 resigned; t9 暂未在本单位任职 serves)
  schoolCount: 3,
  publicSchoolCount: 2,
  teacherCount: 15,
  publicTeacherCount: 12,
  partyMemberTeacherCount: 6, // t1 t2 t3 t4(预备) t10 t15
  inQuotaHires: 3, // t1 2025-09-01, t2 2025-03-01, t14 2025-06-01
  recruitedByChannel: [
    { channel: 'CAMPUS', count: 2 },
    { channel: 'PUBLIC_OPEN', count: 1 },
    { channel: 'TALENT_INTRODUCTION', count: 1 },
    { channel: 'OTHER', count: 0 },
  ],
  recruitedTotal: 4,
  rotations: 2,
  quotaApproved: 13,
  quotaFilled: 10, // S1 t1–t7 + t9, S2 t10 t11
  // professional development
  trainingPersonTimes: 10,
  trainingHours: 134, // 4×6 + 2×10 + 3×20 + 30
  ethicsTrainingPersonTimes: 6,
  ethicsTrainingSessions: 2,
  personTimesByLevel: [
    { level: 'NATIONAL', personTimes: 0, hours: 0 },
    { level: 'PROVINCIAL', personTimes: 2, hours: 20 },
    { level: 'MUNICIPAL', personTimes: 3, hours: 60 },
    { level: 'COUNTY', personTimes: 4, hours: 24 },
    { level: 'SCHOOL', personTimes: 1, hours: 30 },
    { level: 'OTHER', personTimes: 0, hours: 0 },
  ],
  newDesignations: 4, // t1 ×2, t10, t12
  designatedTeacherCount: 5, // t1 t3 t6 (S1), t10 t12 (S2); t5 expired, t8 retired, t15 private
  designatedShareOfPublicTeachers: 0.4167, // 5 / 12
  backboneTeacherCount: 6, // and t15
  backbonePartyMembers: 4, // t1 t3 t10 t15
  backboneNotPartyMember: 2, // t6 t12
  partyMemberNotBackbone: 2, // t2 t4
  studiosByKindAndLevel: [
    { kind: 'FAMOUS_TEACHER', level: 'NATIONAL', count: 0 },
    { kind: 'FAMOUS_TEACHER', level: 'PROVINCIAL', count: 0 },
    { kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', count: 1 },
    { kind: 'FAMOUS_TEACHER', level: 'DISTRICT', count: 1 },
    { kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'NATIONAL', count: 0 },
    { kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'PROVINCIAL', count: 0 },
    { kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'MUNICIPAL', count: 0 },
    { kind: 'FAMOUS_HOMEROOM_TEACHER', level: 'DISTRICT', count: 0 },
  ],
  studioCount: 2,
  demonstrationLessons: 3,
  // compensation: public schools' serving teachers as recorded (t8 retired is out): S1 6 × avg 100,000, S2 2 × avg 87,500
  averageTeacherPay: '96875.00',
  civilServantAveragePay: '100000.00',
  payParityRatio: 0.9688,
  payTeachers: 8,
  payWithheld: false,
  talentPassedByCategory: [
    { category: 'A', passed: 1, withheld: false },
    { category: 'B', passed: 2, withheld: false },
    { category: 'C', passed: 1, withheld: false },
  ],
  talentPassed: 4,
  talentSubsidyTotal: '66000.00',
  // governance
  principalsCertified: 1,
  teachersCommended: 2, // t2 (two awards), t11
  inspections: 3,
  inspectionsPreviousYear: 4,
  inspectionReduction: 0.25,
  catalogueItems: 2,
  catalogueItemsPreviousYear: 3,
  governanceReform: { total: 3, notStarted: 1, pilot: 1, completed: 1, completedShare: 0.3333 },
  ethicsVetoedTeachers: 3, // t4 (ethics), t5 (to 2025-01-01), t14 (expelled)
};

/** What changes for 2024 (sinceYear 2024) in the trend. */
export const REPORT_2024_PART = {
  year: 2024,
  inQuotaHires: 0,
  recruitedTotal: 1,
  rotations: 1,
  quotaApproved: 9,
  trainingPersonTimes: 1,
  newDesignations: 2, // t6, t15
  designatedTeacherCount: 3, // t3 t5 t6
  studioCount: 1,
  demonstrationLessons: 1,
  principalsCertified: 1,
  teachersCommended: 1,
  inspections: 4,
  inspectionsPreviousYear: 0,
  inspectionReduction: null,
  governanceReform: { total: 3, notStarted: 2, pilot: 1, completed: 0, completedShare: 0 },
  ethicsVetoedTeachers: 4, // t5 t7 t13 t14
};

/** Each school's row of 2025 (DISTRICT_ADMIN), by key. */
export const SCHOOL_ROWS_2025: Record<string, Record<string, unknown>> = {
  S1: {
    teacherCount: 8, publicTeacherCount: 8, partyMemberTeacherCount: 4, inQuotaHires: 2, recruitedTotal: 1, rotations: 2, quotaApproved: 10, quotaFilled: 8,
    trainingPersonTimes: 6, trainingHours: 92, ethicsTrainingPersonTimes: 3, ethicsTrainingSessions: 2, newDesignations: 2,
    designatedTeacherCount: 3, designatedShareOfPublicTeachers: 0.375, backboneTeacherCount: 3, backbonePartyMembers: 2, backboneNotPartyMember: 1, partyMemberNotBackbone: 2,
    studioCount: 2, demonstrationLessons: 2,
    averageTeacherPay: '100000.00', payParityRatio: 1, payTeachers: 6, payWithheld: false, talentPassed: 2, talentSubsidyTotal: '45000.00',
    principalsCertified: 1, teachersCommended: 1, inspections: 1, inspectionsPreviousYear: 2, inspectionReduction: 0.5, reformStatus: 'COMPLETED', ethicsVetoedTeachers: 2,
  },
  S2: {
    teacherCount: 4, publicTeacherCount: 4, partyMemberTeacherCount: 1, inQuotaHires: 1, recruitedTotal: 3, rotations: 0, quotaApproved: 3, quotaFilled: 2,
    trainingPersonTimes: 3, trainingHours: 36, ethicsTrainingPersonTimes: 2, ethicsTrainingSessions: 2, newDesignations: 2,
    designatedTeacherCount: 2, designatedShareOfPublicTeachers: 0.5, backboneTeacherCount: 2, backbonePartyMembers: 1, backboneNotPartyMember: 1, partyMemberNotBackbone: 0,
    studioCount: 0, demonstrationLessons: 1,
    averageTeacherPay: '87500.00', payParityRatio: 0.875, payTeachers: 2, payWithheld: false, talentPassed: 1, talentSubsidyTotal: '6000.00',
    principalsCertified: 0, teachersCommended: 1, inspections: 1, inspectionsPreviousYear: 2, inspectionReduction: 0.5, reformStatus: 'PILOT', ethicsVetoedTeachers: 1,
  },
  S3: {
    teacherCount: 3, publicTeacherCount: 0, partyMemberTeacherCount: 1, inQuotaHires: 0, recruitedTotal: 0, rotations: 0, quotaApproved: null, quotaFilled: 0,
    trainingPersonTimes: 1, trainingHours: 6, ethicsTrainingPersonTimes: 1, ethicsTrainingSessions: 1, newDesignations: 0,
    designatedTeacherCount: 0, designatedShareOfPublicTeachers: null, backboneTeacherCount: 1, backbonePartyMembers: 1, backboneNotPartyMember: 0, partyMemberNotBackbone: 0,
    studioCount: 0, demonstrationLessons: 0,
    averageTeacherPay: '71000.00', payParityRatio: null, payTeachers: 2, payWithheld: false, talentPassed: 1, talentSubsidyTotal: '15000.00',
    principalsCertified: 0, teachersCommended: 0, inspections: 0, inspectionsPreviousYear: 0, inspectionReduction: null, reformStatus: 'NOT_STARTED', ethicsVetoedTeachers: 0,
  },
};

/** The scalar fields of SchoolReport the comparison rows are checked on. */
export const SCHOOL_FIELDS = Object.keys(SCHOOL_ROWS_2025.S1);
