import { Random } from '@tw/kernel';
import type { DemoContext, DemoTeacherRecord, ServiceDemo } from './context';

// Rows as the professional-development bulk mutations take them (TrainingInput, DesignationInput…).
interface TrainingRow {
  teacherId: string;
  year: number;
  level: string;
  projectName: string;
  provider: string | null;
  mode: string;
  hours: number;
  credits: number | null;
  topic?: string;
}
interface DesignationRow {
  teacherId: string;
  kind: string;
  level: string;
  year: number;
  validUntil: string | null;
  issuer: string;
}
interface StudioRow {
  name: string;
  kind: string;
  level: string;
  hostTeacherId: string;
  foundedYear: number;
  memberTeacherId?: string;
}

const SERVING = new Set(['IN_SERVICE', 'NOT_AT_POST']);
const DISTRICT = '中原区';
const CITY = '郑州市';
const ISSUER: Record<string, string> = { NATIONAL: '教育部', PROVINCIAL: '河南省教育厅', MUNICIPAL: '郑州市教育局', DISTRICT: '郑州市中原区教育局' };
const LEVEL_NAME: Record<string, string> = { NATIONAL: '国家级', PROVINCIAL: '省级', MUNICIPAL: '市级', DISTRICT: '区级' };
const pad = (n: number) => String(n).padStart(2, '0');
const startYear = (t: DemoTeacherRecord) => Number(t.workStartMonth.slice(0, 4));
const ageIn = (t: DemoTeacherRecord, year: number) => year - Number(t.birthDate.slice(0, 4));
const credits = (hours: number) => Math.max(1, Math.round(hours / 10));

/** Trainings of a year: district programmes for many, school programmes for each school, a few higher up. */
function trainings(ctx: DemoContext, r: Random, year: number, teachers: readonly DemoTeacherRecord[]): TrainingRow[] {
  const rows: TrainingRow[] = [];
  const active = teachers.filter((t) => startYear(t) <= year);
  const add = (t: DemoTeacherRecord, level: string, projectName: string, provider: string | null, mode: string, hours: number, topic?: string) =>
    rows.push({ teacherId: t.id, year, level, projectName, provider, mode, hours, credits: level === 'SCHOOL' ? null : credits(hours), ...(topic ? { topic } : {}) });

  // 区培: the summer training every teacher takes, ethics and political study for most, the rest by role and subject
  const centre = `${DISTRICT}教师发展中心`;
  const political = [`${year}年学习贯彻党的二十大精神专题培训`, `${year}年习近平新时代中国特色社会主义思想专题研修`, `${year}年教师思想政治素质提升网络培训`][year % 3];
  for (const t of active) {
    add(t, 'COUNTY', `${year}年${DISTRICT}中小学教师暑期全员培训`, centre, 'BLENDED', 24);
    if (r.chance(0.85)) add(t, 'COUNTY', `${year}年${DISTRICT}师德师风专题培训`, `${DISTRICT}教育局`, 'SHORT_FACE_TO_FACE', 6);
    if (r.chance(0.45)) add(t, 'COUNTY', political, centre, 'ONLINE', 10);
    if (r.chance(0.18)) add(t, 'COUNTY', `${year}年${DISTRICT}班主任能力提升培训`, centre, 'SHORT_FACE_TO_FACE', 16);
    if (r.chance(0.2)) add(t, 'COUNTY', `${year}年${DISTRICT}中小学教师信息技术应用能力提升培训`, centre, 'ONLINE', 20);
    if (t.teachingSubject && r.chance(0.25)) add(t, 'COUNTY', `${year}年${DISTRICT}${t.teachingSubject}学科教学研修`, centre, 'SHORT_FACE_TO_FACE', r.pick([12, 16, 20]));
    if (startYear(t) === year) add(t, 'COUNTY', `${year}年${DISTRICT}新入职教师岗前培训`, centre, 'LONG_TERM_RELEASE', 40);
  }
  // 校培: each school's own programme
  const schoolName = new Map(ctx.schools.map((s) => [s.id, s.name]));
  for (const t of active) if (r.chance(0.9)) add(t, 'SCHOOL', `${schoolName.get(t.schoolId)}${year}年校本研修`, schoolName.get(t.schoolId) ?? null, 'SHORT_FACE_TO_FACE', 30, 'SUBJECT_TEACHING');
  // 市培, 省培, 国培: few places, mostly for experienced teachers
  const experienced = active.filter((t) => ageIn(t, year) >= 30);
  const higher: Array<[string, string, string, string, number, number]> = [
    ['MUNICIPAL', `${CITY}${year}年中小学骨干教师能力提升培训`, `${CITY}教育科学研究院`, 'BLENDED', 40, 0.03],
    ['MUNICIPAL', `${CITY}${year}年名班主任高级研修班`, `${CITY}教育科学研究院`, 'SHORT_FACE_TO_FACE', 32, 0.015],
    ['MUNICIPAL', `${CITY}${year}年中小学心理健康教育专题培训`, `${CITY}教师教育中心`, 'ONLINE', 24, 0.02],
    ['PROVINCIAL', `河南省${year}年中小学学科带头人研修`, '河南省教师教育学院', 'BLENDED', 60, 0.012],
    ['PROVINCIAL', `河南省${year}年乡村教师素质提升培训`, '河南大学', 'SHORT_FACE_TO_FACE', 48, 0.008],
    ['NATIONAL', `“国培计划”（${year}）——中小学骨干教师示范性培训`, '北京师范大学', 'LONG_TERM_RELEASE', 120, 0.004],
    ['NATIONAL', `“国培计划”（${year}）——中小学教师信息技术应用能力提升高级研修`, '华东师范大学', 'BLENDED', 80, 0.003],
  ];
  for (const [level, name, provider, mode, hours, share] of higher) for (const t of experienced) if (r.chance(share)) add(t, level, name, provider, mode, hours);
  return rows;
}

/** Designations for about a tenth of the teachers: mostly 骨干教师, some climbing the ladder over the years. */
function designations(r: Random, year: number, teachers: readonly DemoTeacherRecord[]): DesignationRow[] {
  const rows: DesignationRow[] = [];
  const titled = teachers.filter((t) => ['FIRST_GRADE', 'SENIOR', 'SENIOR_FULL'].includes(t.professionalTitle ?? '') && ageIn(t, year) >= 30);
  for (const t of titled) {
    if (!r.chance(0.16)) continue;
    const senior = t.professionalTitle !== 'FIRST_GRADE';
    const kind = r.weighted<string>([
      ['BACKBONE_TEACHER', 55],
      ['SUBJECT_LEADER', senior ? 15 : 5],
      ['FAMOUS_TEACHER', senior ? 10 : 2],
      ['FAMOUS_HOMEROOM_TEACHER', 10],
      ['SPECIAL_GRADE_TEACHER', senior ? 2 : 0],
      ['ZHONGYUAN_FAMOUS_TEACHER', senior ? 1 : 0],
    ]);
    const level = kind === 'SPECIAL_GRADE_TEACHER' || kind.startsWith('ZHONGYUAN') ? 'PROVINCIAL' : r.weighted<string>([['DISTRICT', 55], ['MUNICIPAL', 30], ['PROVINCIAL', 13], ['NATIONAL', 2]]);
    const first = Math.max(startYear(t) + 3, year - 8);
    if (first > year) continue;
    const y = r.int(first, year);
    // 骨干教师 and 学科带头人 below the province are named for a three-year term
    const term = (k: string, l: string) => (['BACKBONE_TEACHER', 'SUBJECT_LEADER'].includes(k) && ['DISTRICT', 'MUNICIPAL'].includes(l) ? 3 : null);
    const until = (from: number, k: string, l: string) => (term(k, l) ? `${from + term(k, l)! - 1}-12-31` : null);
    rows.push({ teacherId: t.id, kind, level, year: y, validUntil: until(y, kind, level), issuer: ISSUER[level] });
    // an earlier rung of the ladder: a district 骨干教师 before the higher designation
    if (level !== 'DISTRICT' && y - 3 >= first && r.chance(0.35)) {
      rows.push({ teacherId: t.id, kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: y - 3, validUntil: `${y - 1}-12-31`, issuer: ISSUER.DISTRICT });
    }
  }
  return rows;
}

/** A dozen studios hosted by qualified designated teachers, with members from across the district. */
function studios(r: Random, year: number, teachers: readonly DemoTeacherRecord[], designated: readonly DesignationRow[]): StudioRow[] {
  const byId = new Map(teachers.map((t) => [t.id, t]));
  const rows: StudioRow[] = [];
  const used = new Set<string>();
  const names = new Set<string>();
  const plan: Array<[string, string[], number]> = [
    ['FAMOUS_TEACHER', ['FAMOUS_TEACHER', 'SPECIAL_GRADE_TEACHER', 'ZHONGYUAN_FAMOUS_TEACHER', 'SUBJECT_LEADER'], 9],
    ['FAMOUS_HOMEROOM_TEACHER', ['FAMOUS_HOMEROOM_TEACHER'], 3],
  ];
  for (const [kind, accepted, count] of plan) {
    const candidates = designated.filter((d) => accepted.includes(d.kind) && !used.has(d.teacherId) && d.year <= year - 1);
    for (let i = 0; i < count && candidates.length; i++) {
      const d = candidates.splice(r.int(0, candidates.length - 1), 1)[0];
      const host = byId.get(d.teacherId)!;
      const name = kind === 'FAMOUS_TEACHER' ? `${host.name}${host.teachingSubject ?? ''}名师工作室` : `${host.name}名班主任工作室`;
      // 工作室名称 is the key: two hosts of the same name and subject would make one studio
      if (used.has(host.id) || names.has(name)) {
        i--;
        continue;
      }
      used.add(host.id);
      names.add(name);
      // founded while the host's designation is valid
      const last = Math.min(year, d.validUntil ? Number(d.validUntil.slice(0, 4)) : year);
      const foundedYear = r.int(d.year, last);
      const base = { name, kind, level: d.level, hostTeacherId: host.id, foundedYear };
      rows.push(base);
      const pool = teachers.filter((t) => t.id !== host.id && ageIn(t, year) < 45 && (kind !== 'FAMOUS_TEACHER' || t.teachingSubject === host.teachingSubject));
      const members = new Set<string>();
      for (let k = r.int(6, 12); k > 0 && pool.length; k--) members.add(pool[r.int(0, pool.length - 1)].id);
      for (const m of members) rows.push({ ...base, memberTeacherId: m });
    }
  }
  return rows;
}

const TITLES: Record<string, string[]> = {
  语文: ['《背影》中的父爱', '比喻句的妙用', '《春》的景物描写', '古诗词中的月亮', '整本书阅读：《西游记》', '议论文的论证方法'],
  数学: ['分数的初步认识', '一元二次方程的解法', '圆的面积', '函数的图像与性质', '鸡兔同笼', '勾股定理的证明'],
  英语: ['Unit 3 My Weekend Plan', 'Reading: A Letter to a Friend', 'Past Continuous Tense', 'Writing: My Hometown'],
  物理: ['探究浮力的大小', '电路的串联与并联', '牛顿第一定律'],
  化学: ['燃烧的条件', '质量守恒定律', '酸和碱的中和反应'],
  道德与法治: ['做守法的公民', '珍爱生命', '我们的班级公约'],
};
const GENERAL_TITLES = ['大单元教学设计展示', '核心素养导向的课堂', '项目式学习展示课', '跨学科主题学习', '作业设计与讲评'];

/** Date of a school day in `year`, not after today. */
function schoolDay(r: Random, year: number, today: string): string | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    const month = r.pick([3, 4, 5, 6, 9, 10, 11, 12]);
    const d = new Date(Date.UTC(year, month - 1, r.int(1, 28)));
    const day = `${year}-${pad(month)}-${pad(d.getUTCDate())}`;
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && day <= today) return day;
  }
  return null;
}

/** A few hundred demonstration lessons: most by studio hosts and members, the rest open lessons at schools. */
function lessons(r: Random, years: readonly number[], teachers: readonly DemoTeacherRecord[], studioRows: readonly StudioRow[], today: string) {
  const byId = new Map(teachers.map((t) => [t.id, t]));
  const rows: Array<{ date: string; teacherId: string; title: string; subject: string | null; kind: string; studioName?: string; observers: number }> = [];
  const keys = new Set<string>();
  const add = (t: DemoTeacherRecord, kind: string, studioName?: string) => {
    const date = schoolDay(r, r.pick(years), today);
    const title = r.pick(TITLES[t.teachingSubject ?? ''] ?? GENERAL_TITLES);
    if (!date || keys.has(`${t.id}|${date}|${title}`) || startYear(t) > Number(date.slice(0, 4))) return;
    keys.add(`${t.id}|${date}|${title}`);
    rows.push({ date, teacherId: t.id, title, subject: t.teachingSubject, kind, ...(studioName ? { studioName } : {}), observers: r.int(15, 80) });
  };
  for (const s of studioRows) {
    const t = byId.get(s.memberTeacherId ?? s.hostTeacherId)!;
    for (let k = s.memberTeacherId ? r.int(1, 2) : r.int(5, 8); k > 0; k--) add(t, s.memberTeacherId ? r.pick(['OBSERVATION', 'OPEN']) : 'DEMONSTRATION', s.name);
  }
  for (let k = 0; k < 150; k++) add(r.pick(teachers), r.weighted([['OPEN', 6], ['OBSERVATION', 3], ['DEMONSTRATION', 1]] as const));
  return rows;
}

/** About 150 师徒结对: new teachers paired with experienced ones of their school, for a school year. */
function mentoring(r: Random, year: number, teachers: readonly DemoTeacherRecord[], today: string) {
  const rows: Array<{ mentorId: string; menteeId: string; startDate: string; endDate: string | null }> = [];
  const newcomers = teachers.filter((t) => startYear(t) >= year - 3 && startYear(t) <= year);
  for (const mentee of newcomers) {
    if (rows.length >= 150) break;
    const mentors = teachers.filter((t) => t.schoolId === mentee.schoolId && t.id !== mentee.id && ['SENIOR', 'SENIOR_FULL', 'FIRST_GRADE'].includes(t.professionalTitle ?? ''));
    if (!mentors.length || r.chance(0.2)) continue;
    const same = mentors.filter((t) => t.teachingSubject === mentee.teachingSubject);
    const mentor = r.pick(same.length ? same : mentors);
    const start = `${startYear(mentee)}-09-01`;
    const end = `${startYear(mentee) + 1}-07-15`;
    rows.push({ mentorId: mentor.id, menteeId: mentee.id, startDate: start, endDate: end <= today ? end : null });
  }
  return rows;
}

/**
 * The professional-development records of the demo district over the last three years: trainings at
 * every level (a few 国培 places, many 区培 and 校培, 师德 and 思想政治 programmes), designations for
 * about a tenth of the teachers, a dozen studios with members, a few hundred lessons and about 150
 * mentoring pairs, written through the gateway's bulk mutations.
 */
export const professionalDevelopmentDemo: ServiceDemo = async (ctx) => {
  const r = ctx.random;
  const today = ctx.today;
  const serving = ctx.teachers.filter((t) => SERVING.has(t.status));
  const years = [ctx.year - 2, ctx.year - 1, ctx.year];

  await ctx.bulk('upsertTrainings', 'TrainingInput', years.flatMap((y) => trainings(ctx, r, y, serving)), 'training participations');
  const designated = designations(r, ctx.year, serving);
  await ctx.bulk('upsertDesignations', 'DesignationInput', designated, `designations (${LEVEL_NAME.DISTRICT} to ${LEVEL_NAME.NATIONAL})`);
  const studioRows = studios(r, ctx.year, serving, designated);
  await ctx.bulk('upsertStudios', 'StudioInput', studioRows, 'studios and their members');
  await ctx.bulk('upsertLessons', 'LessonInput', lessons(r, years, serving, studioRows, today), 'demonstration lessons');
  await ctx.bulk('upsertMentoringPairs', 'MentoringPairInput', mentoring(r, ctx.year, serving, today), 'mentoring pairs');
};
