import { checkDigit, Random } from '@tw/kernel';
import { personName } from './names';

export interface DemoSchool {
  code: string;
  name: string;
  type: string;
  sponsor: 'PUBLIC' | 'PRIVATE';
}

export interface DemoTeacher {
  schoolCode: string;
  staffNo: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  idNumber: string;
  birthDate: string;
  ethnicity: string;
  politicalStatus: string;
  workStartMonth: string;
  schoolStartMonth: string;
  inQuota: boolean;
  employmentForm: string | null;
  postCategory: string;
  professionalTitle: string;
  education: string;
  teachingStage: string;
  teachingSubject: string;
  status: string;
  statusCode: string | null;
  statusDetail: string | null;
}

export interface DemoDistrict {
  schools: DemoSchool[];
  teachers: DemoTeacher[];
  quotas: Array<{ schoolCode: string; year: number; approved: number }>;
  hires: Array<{ idNumber: string; name: string; year: number; channel: string; inQuotaDate: string | null }>;
  rotations: Array<{
    idNumber: string;
    name: string;
    type: string;
    personnelRelationMoved: boolean;
    startMonth: string;
    endMonth: string | null;
    fromSchoolName: string;
    toSchoolName: string;
  }>;
}

const AREAS = ['410102', '410103', '410104', '410105', '410108', '410122', '410181', '410182', '411081', '410221'];
const NUMERALS = '一二三四五六七八九十';
const ordinal = (n: number) => (n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11]}` : `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`);

// What a district of this size has: the school kinds, how many of each, and their usual staff size.
const SCHOOL_PLAN: ReadonlyArray<{ type: string; count: number; name: (i: number) => string; size: [number, number]; stage: string; subjects: string[] }> = [
  { type: 'KINDERGARTEN', count: 8, name: (i) => `中原区第${ordinal(i)}幼儿园`, size: [18, 35], stage: '学前教育', subjects: ['学前教育'] },
  { type: 'PRIMARY', count: 18, name: (i) => `中原区第${ordinal(i)}实验小学`, size: [45, 95], stage: '小学', subjects: ['语文', '数学', '英语', '科学', '音乐', '体育', '美术', '道德与法治', '信息科技'] },
  { type: 'JUNIOR_HIGH', count: 8, name: (i) => `中原区第${ordinal(i)}初级中学`, size: [60, 120], stage: '初中', subjects: ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '体育', '音乐', '美术'] },
  { type: 'NINE_YEAR', count: 4, name: (i) => `中原区${['育才', '汇文', '启明', '明德'][i - 1]}九年一贯制学校`, size: [80, 130], stage: '初中', subjects: ['语文', '数学', '英语', '物理', '化学', '历史', '体育'] },
  { type: 'SENIOR_HIGH', count: 2, name: (i) => `中原区第${ordinal(i)}高级中学`, size: [110, 160], stage: '高中', subjects: ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '政治', '体育'] },
  { type: 'COMPLETE_SECONDARY', count: 1, name: () => '中原区实验中学', size: [120, 150], stage: '高中', subjects: ['语文', '数学', '英语', '物理', '化学', '生物'] },
  { type: 'SECONDARY_VOCATIONAL', count: 1, name: () => '中原区职业教育中心', size: [70, 90], stage: '中职', subjects: ['计算机应用', '机电技术', '会计', '语文', '数学'] },
  { type: 'SPECIAL_EDUCATION', count: 1, name: () => '中原区特殊教育学校', size: [25, 35], stage: '特殊教育', subjects: ['特殊教育'] },
];
const PRIVATE_NAMES = ['中原区英才双语学校', '中原区博雅外国语小学', '中原区爱心幼儿园'];
const ROTATION_TYPES = ['县管校聘交流', '城乡交流', '支教', '集团内轮岗'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The seed of the demo district npm start loads. */
export const DEMO_SEED = 20261125;

/**
 * A district of about 45 schools and 3,000 teachers with plausible names, valid ID numbers and the
 * mixes a real district has (party members, titles by age, a few on leave or retired), plus staffing
 * quotas, hires and rotations, as of `today` (YYYY-MM-DD): the same seed and day give the same district.
 * @example generateDistrict(DEMO_SEED, TEST_DATE)
 */
export function generateDistrict(seed: number, today: string): DemoDistrict {
  const r = new Random(seed);
  const thisYear = Number(today.slice(0, 4));
  const schools: Array<DemoSchool & { size: [number, number]; stage: string; subjects: string[] }> = [];
  let seq = 1;
  for (const plan of SCHOOL_PLAN) {
    for (let i = 1; i <= plan.count; i++) {
      schools.push({ code: `41010200${pad(seq++)}`, name: plan.name(i), type: plan.type, sponsor: 'PUBLIC', size: plan.size, stage: plan.stage, subjects: plan.subjects });
    }
  }
  for (const [i, name] of PRIVATE_NAMES.entries()) {
    const base = SCHOOL_PLAN[i === 2 ? 0 : 1];
    schools.push({ code: `41010200${pad(seq++)}`, name, type: base.type, sponsor: 'PRIVATE', size: [20, 40], stage: base.stage, subjects: base.subjects });
  }

  const usedIds = new Set<string>();
  const teachers: DemoTeacher[] = [];
  for (const s of schools) {
    const n = r.int(s.size[0], s.size[1]);
    for (let k = 0; k < n; k++) {
      const gender = r.chance(s.type === 'KINDERGARTEN' ? 0.95 : 0.7) ? 'FEMALE' : 'MALE';
      const birthYear = r.int(thisYear - 60, thisYear - 23);
      const birthDate = `${birthYear}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
      let idNumber: string;
      do {
        const order = r.int(0, 99) * 10 + (gender === 'MALE' ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
        const first17 = `${r.pick(AREAS)}${birthDate.replace(/-/g, '')}${pad(order, 3)}`;
        idNumber = first17 + checkDigit(first17);
      } while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const workYear = birthYear + r.int(21, 25);
      const workStartMonth = `${Math.min(workYear, thisYear)}-${pad(r.pick([7, 8, 9]))}`;
      const schoolYear = Math.min(thisYear, workYear + (r.chance(0.6) ? 0 : r.int(1, 15)));
      const schoolStartMonth = `${schoolYear}-${workStartMonth.slice(5)}`;
      const age = thisYear - birthYear;
      const inQuota = s.sponsor === 'PUBLIC' ? r.chance(0.9) : r.chance(0.1);
      const status = age >= 59 && r.chance(0.5) ? 'RETIRED' : r.weighted([['IN_SERVICE', 95], ['NOT_AT_POST', 3], ['TRANSFERRED_OUT', 1], ['RESIGNED', 1]] as const);
      const detail = status === 'NOT_AT_POST' ? r.pick(['借出', '长病假', '进修', '交流轮岗', '产假']) : null;
      const title =
        age < 27 ? r.weighted([['UNRANKED', 3], ['THIRD_GRADE', 1], ['SECOND_GRADE', 3]] as const)
        : age < 35 ? r.weighted([['SECOND_GRADE', 5], ['FIRST_GRADE', 4], ['UNRANKED', 1]] as const)
        : age < 45 ? r.weighted([['FIRST_GRADE', 6], ['SENIOR', 3], ['SECOND_GRADE', 1]] as const)
        : r.weighted([['SENIOR', 6], ['FIRST_GRADE', 4], ['SENIOR_FULL', 0.3]] as const);
      teachers.push({
        schoolCode: s.code,
        staffNo: `${s.code.slice(-4)}${pad(k + 1, 4)}`,
        name: personName(r, gender),
        gender,
        idNumber,
        birthDate,
        ethnicity: r.weighted([['HAN', 96], ['HUI', 2], ['MAN', 1], ['MONGOL', 0.5]] as const),
        politicalStatus:
          age < 28 && r.chance(0.5) ? 'CYL_MEMBER' : r.weighted([['CPC_MEMBER', 36], ['CPC_PROBATIONARY_MEMBER', 2], ['CAPD', 2], ['CDL', 1], ['NON_PARTISAN', 1], ['MASSES', 58]] as const),
        workStartMonth,
        schoolStartMonth,
        inQuota,
        employmentForm: inQuota ? null : r.weighted([['CONTRACT', 6], ['PERSONNEL_AGENCY', 2], ['LABOR_DISPATCH', 1], ['OTHER', 1]] as const),
        postCategory: r.weighted([['TEACHING', 90], ['MANAGEMENT', 5], ['OTHER_PROFESSIONAL', 3], ['SUPPORT', 2]] as const),
        professionalTitle: title,
        education: age < 40 ? r.weighted([['BACHELOR', 75], ['POSTGRADUATE', 20], ['ASSOCIATE', 5]] as const) : r.weighted([['BACHELOR', 70], ['ASSOCIATE', 25], ['POSTGRADUATE', 3], ['SECONDARY_SPECIALIZED', 2]] as const),
        teachingStage: s.stage,
        teachingSubject: r.pick(s.subjects),
        status,
        statusCode: status === 'IN_SERVICE' ? '100' : status === 'NOT_AT_POST' ? `20${r.int(1, 9)}` : null,
        statusDetail: detail,
      });
    }
  }

  const serving = (t: DemoTeacher) => t.status === 'IN_SERVICE' || t.status === 'NOT_AT_POST';
  const quotas: DemoDistrict['quotas'] = [];
  for (const s of schools.filter((x) => x.sponsor === 'PUBLIC')) {
    const filled = teachers.filter((t) => t.schoolCode === s.code && t.inQuota && serving(t)).length;
    for (const year of [thisYear - 2, thisYear - 1, thisYear]) quotas.push({ schoolCode: s.code, year, approved: filled + r.int(0, 6) });
  }

  const hires: DemoDistrict['hires'] = teachers
    .filter((t) => Number(t.workStartMonth.slice(0, 4)) >= thisYear - 4)
    .map((t) => {
      const year = Number(t.workStartMonth.slice(0, 4));
      return {
        idNumber: t.idNumber,
        name: t.name,
        year,
        channel: r.weighted([['CAMPUS', 5], ['PUBLIC_OPEN', 4], ['TALENT_INTRODUCTION', 1], ['OTHER', 0.5]] as const),
        inQuotaDate: t.inQuota ? `${year}-${t.workStartMonth.slice(5)}-01` : null,
      };
    });

  const publicSchools = schools.filter((s) => s.sponsor === 'PUBLIC');
  const rotations: DemoDistrict['rotations'] = [];
  for (const t of teachers.filter((x) => x.status === 'IN_SERVICE' && r.chance(0.04))) {
    const from = schools.find((s) => s.code === t.schoolCode)!;
    let to = r.pick(publicSchools);
    if (to.code === from.code) to = publicSchools[(publicSchools.indexOf(to) + 1) % publicSchools.length];
    const startYear = r.int(thisYear - 2, thisYear);
    const startMonth = `${Math.max(startYear, Number(t.schoolStartMonth.slice(0, 4)))}-09`;
    rotations.push({
      idNumber: t.idNumber,
      name: t.name,
      type: r.pick(ROTATION_TYPES),
      personnelRelationMoved: r.chance(0.2),
      startMonth,
      endMonth: r.chance(0.7) ? `${Number(startMonth.slice(0, 4)) + r.int(1, 3)}-07` : null,
      fromSchoolName: from.name,
      toSchoolName: to.name,
    });
  }
  return { schools: schools.map(({ code, name, type, sponsor }) => ({ code, name, type, sponsor })), teachers, quotas, hires, rotations };
}
