import { checkDigit } from '@tw/kernel';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '体育', '音乐', '美术', '信息科技'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红鹏飞建国文辉俊峰博宇浩然欣怡佳琪雨婷子涵梓轩晨曦';

export interface BenchSchool {
  code: string;
  name: string;
  type: string;
  sponsor: string;
}

/** `n` schools with distinct codes and names. */
export function benchSchools(n: number): BenchSchool[] {
  return Array.from({ length: n }, (_, i) => ({ code: `41019${pad(i + 1, 5)}`, name: `基准测试第${i + 1}学校`, type: i % 3 === 0 ? 'JUNIOR_HIGH' : 'PRIMARY', sponsor: 'PUBLIC' }));
}

/**
 * `n` valid teachers (distinct ID numbers with correct check digits, agreeing birth dates and sexes),
 * spread over the schools, generated lazily so the benchmark's own memory stays flat.
 */
export function* benchTeachers(n: number, schools: readonly BenchSchool[]): Generator<Record<string, unknown>> {
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / 1000);
    const seq = i % 1000;
    const birth = new Date(Date.UTC(1965, 0, 1) + day * 97 * 86_400_000);
    const y = birth.getUTCFullYear();
    const birthDate = `${y}-${pad(birth.getUTCMonth() + 1)}-${pad(birth.getUTCDate())}`;
    const first17 = `410102${birthDate.replace(/-/g, '')}${pad(seq, 3)}`;
    const gender = seq % 2 === 1 ? 'MALE' : 'FEMALE';
    const school = schools[i % schools.length];
    const inQuota = i % 10 !== 0;
    yield {
      schoolCode: school.code,
      schoolName: school.name,
      staffNo: `T${pad(i, 6)}`,
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''}`,
      gender,
      idType: 'RESIDENT_ID',
      idNumber: first17 + checkDigit(first17),
      birthDate,
      ethnicity: i % 50 === 0 ? 'HUI' : 'HAN',
      politicalStatus: i % 3 === 0 ? 'CPC_MEMBER' : 'MASSES',
      workStartMonth: `${y + 22}-09`,
      schoolStartMonth: `${y + 23 + (i % 5)}-09`,
      inQuota,
      employmentForm: inQuota ? null : 'CONTRACT',
      postCategory: 'TEACHING',
      professionalTitle: ['SENIOR', 'FIRST_GRADE', 'SECOND_GRADE', 'UNRANKED'][i % 4],
      education: i % 5 === 0 ? 'POSTGRADUATE' : 'BACHELOR',
      teachingStage: school.type === 'PRIMARY' ? '小学' : '初中',
      teachingSubject: SUBJECTS[i % SUBJECTS.length],
      status: 'IN_SERVICE',
      statusCode: '100',
      statusDetail: null,
    };
  }
}
