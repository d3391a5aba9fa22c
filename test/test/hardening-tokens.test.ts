/**
 * Tokens and scopes end to end: the platform as real processes in production mode on the demo
 * district, every request through the gateway. Bad tokens are refused by every subgraph; each role
 * is tried against each subgraph's reads and bulk writes outside its scope (a SCHOOL_ADMIN on another
 * school's teachers, a TEACHER on another teacher, an ANALYST on a single teacher). A read passes when
 * its answer holds none of the records the role may not see (their ids and ID numbers, collected
 * first as DISTRICT_ADMIN) while the same read as DISTRICT_ADMIN does show some: the query really
 * reaches them. A write passes when it is refused, the same rows being accepted on a DISTRICT_ADMIN
 * dry run, and the targets' records are unchanged afterwards.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { gatewayPoster, loadDemoDistrict } from '@tw/demo';
import { Principal } from '@tw/kernel';
import { IsolatedPlatform, launchIsolatedPlatform } from '@tw/kernel/launcher';
import { TEST_DATE, TEST_YEAR } from '@tw/kernel/testing';
import { Answer, caller } from '../src/callers';
import { BulkAnswer, UPSERT } from './hardening-seed';

const ADMIN: Principal = { subject: 'district-admin', role: 'DISTRICT_ADMIN' };
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** A root field of each subgraph: a request for all of them reaches every subgraph at once. */
const EVERY_SUBGRAPH = `{
  schools(first: 1) { totalCount }
  trainingProgrammes(first: 1) { totalCount }
  civilServantBenchmarks { year }
  negativeListItems { code }
  importJobs(first: 1) { totalCount }
}`;
const ROOT_FIELDS = ['schools', 'trainingProgrammes', 'civilServantBenchmarks', 'negativeListItems', 'importJobs'];

/** Every field of a teacher that holds a record id or the ID number, in every subgraph. */
const fullTeacher = (y: number) => `fragment Full on Teacher {
  id idNumber birthDate politicalStatus
  hires { id } rotations { id }
  trainings { id } trainingHours designations { id }
  pay(year: ${y}) { id annualIncome } payHistory { id } talent(year: ${y}) { id subsidy }
  ethics(year: ${y}) { id } violations { id } appraisal(year: ${y}) { id } awards { id } principalRanks { id }
  eligibility(year: ${y}) { vetoed }
}`;

/** A few personal fields of each subgraph, for pages of teachers reached through other records. */
const SOME = `fragment Some on Teacher { id idNumber birthDate trainingHours pay(year: ${TEST_YEAR - 1}) { id } ethics(year: ${TEST_YEAR - 1}) { id } violations { id } }`;

interface TeacherRecords {
  id: string;
  schoolId: string;
  idNumber: string;
  /** ids of every record of this teacher, and the ID number */
  markers: string[];
}

type Gql = ReturnType<typeof caller>;

describe('tokens and scopes through the gateway (production processes, demo district)', () => {
  let p: IsolatedPlatform;
  let admin: Gql;
  const year = TEST_YEAR - 1;
  let teachers: Map<string, TeacherRecords>;
  let schoolA: { id: string; name: string };
  let schoolB: { id: string; name: string };
  let offender: string;
  let principalB: string;
  let ownA: string;
  let colleagueA: string;
  /** a teacher of school B whom every write below is valid for (no veto) */
  let targetB: string;
  let negativeListItem: string;
  let inspectionItem: { name: string; department: string };

  beforeAll(async () => {
    p = await launchIsolatedPlatform({ production: true });
    // the isolated platform's services take TEST_DATE as today (BUSINESS_DATE): the district is as of it
    await loadDemoDistrict(gatewayPoster(p.gatewayUrl, p.token(ADMIN)), TEST_DATE);
    admin = caller(p.gatewayUrl, p.token(ADMIN));

    teachers = new Map();
    /** teachers with an award, per school: the reads of a school's awards need some out of scope */
    const awarded = new Map<string, Set<string>>();
    for (let after: string | null = null; ; ) {
      const r: Answer<{ teachers: { nodes: Array<Record<string, any>>; pageInfo: { hasNextPage: boolean; endCursor: string } } }> = await admin(
        `query($after: String) { teachers(first: 500, after: $after) { nodes { school { id } ...Full } pageInfo { hasNextPage endCursor } } } ${fullTeacher(year)}`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      for (const t of r.data!.teachers.nodes) {
        const markers: string[] = [t.idNumber];
        for (const key of ['hires', 'rotations', 'trainings', 'designations', 'payHistory', 'violations', 'awards', 'principalRanks']) markers.push(...(t[key] ?? []).map((x: { id: string }) => x.id));
        for (const key of ['pay', 'talent', 'ethics', 'appraisal']) if (t[key]) markers.push(t[key].id);
        teachers.set(t.id, { id: t.id, schoolId: t.school.id, idNumber: t.idNumber, markers });
        if (t.awards?.length) awarded.set(t.school.id, (awarded.get(t.school.id) ?? new Set()).add(t.id));
      }
      if (!r.data!.teachers.pageInfo.hasNextPage) break;
      after = r.data!.teachers.pageInfo.endCursor;
    }

    const schools = (await admin('{ schools(first: 100) { nodes { id name sponsor teacherCount } } }')).data.schools.nodes as Array<{ id: string; name: string; sponsor: string; teacherCount: number }>;
    const violations = (await admin('{ violations(first: 100) { nodes { teacher { id school { id } } } } }')).data.violations.nodes as Array<{ teacher: { id: string; school: { id: string } } }>;
    // the controls must exist by construction, not by the day's luck: school B (an offender's) has an
    // award, school A awards of two teachers (so one is not the TEACHER's own); the demo gives every
    // public school two
    const awardedIn = (schoolId: string) => awarded.get(schoolId)?.size ?? 0;
    const offence = violations.find((v) => schools.find((s) => s.id === v.teacher.school.id)?.sponsor === 'PUBLIC' && awardedIn(v.teacher.school.id) >= 1);
    if (!offence) throw new Error('the demo district has no public school with both a violation and an award: the reads below would prove nothing');
    offender = offence.teacher.id;
    schoolB = schools.find((s) => s.id === offence.teacher.school.id)!;
    const a = schools.find((s) => s.sponsor === 'PUBLIC' && s.id !== schoolB.id && s.teacherCount >= 20 && awardedIn(s.id) >= 2);
    if (!a) throw new Error('the demo district has no other public school of 20 teachers with two awarded: the reads below would prove nothing');
    schoolA = a;
    const ranks = (await admin(`{ principalRanks(first: 10, filter: { schoolId: "${schoolB.id}" }) { nodes { teacher { id } } } }`)).data.principalRanks.nodes;
    principalB = ranks[0].teacher.id;
    const eligible = (ids: string[]) => admin(`{ eligibility(teacherIds: ${JSON.stringify(ids)}, year: ${year}) { teacherId vetoed } }`);
    const inA = [...teachers.values()].filter((t) => t.schoolId === schoolA.id && t.markers.length > 3).map((t) => t.id);
    const inB = [...teachers.values()].filter((t) => t.schoolId === schoolB.id && t.id !== offender && t.id !== principalB && t.markers.length > 3).map((t) => t.id);
    const okA = ((await eligible(inA)).data.eligibility as Array<{ teacherId: string; vetoed: boolean }>).filter((e) => !e.vetoed).map((e) => e.teacherId);
    const okB = ((await eligible(inB)).data.eligibility as Array<{ teacherId: string; vetoed: boolean }>).filter((e) => !e.vetoed).map((e) => e.teacherId);
    [ownA, colleagueA] = okA;
    targetB = okB[0];
    negativeListItem = (await admin('{ negativeListItems { code } }')).data.negativeListItems[0].code;
    inspectionItem = (await admin(`{ inspectionItems(year: ${year}, first: 1) { nodes { name department } } }`)).data.inspectionItems.nodes[0];
    for (const id of [offender, principalB, ownA, colleagueA, targetB]) expect(teachers.get(id)?.markers.length).toBeGreaterThan(3);
  }, 900_000);
  afterAll(() => p?.stop());

  const as = (principal: Principal) => caller(p.gatewayUrl, p.token(principal));
  const schoolAdminA = (): Principal => ({ subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: schoolA.id });
  const teacherA = (): Principal => ({ subject: 'teacher-a', role: 'TEACHER', teacherId: ownA });
  const analyst: Principal = { subject: 'analyst', role: 'ANALYST' };

  describe('tokens the subgraphs refuse', () => {
    const secret = () => (p.keys.user as { secret: string }).secret;
    const claims = () => ({ sub: 'district-admin', role: 'DISTRICT_ADMIN' });
    const hs = (payload: Record<string, unknown>, key: string, header: Record<string, unknown> = {}) => {
      const input = `${b64({ alg: 'HS256', typ: 'JWT', ...header })}.${b64(payload)}`;
      return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
    };
    const cases: Array<[string, () => string, RegExp]> = [
      ['expired', () => jwt.sign(claims(), secret(), { algorithm: 'HS256', expiresIn: -60 }), /expired/],
      ['not yet valid (nbf in an hour)', () => jwt.sign(claims(), secret(), { algorithm: 'HS256', notBefore: 3600, expiresIn: 7200 }), /not valid yet/],
      ['signed with another secret', () => jwt.sign(claims(), 'another-secret-another-secret-another', { algorithm: 'HS256', expiresIn: 600 }), /invalid signature/],
      ['without exp (it would never expire)', () => jwt.sign(claims(), secret(), { algorithm: 'HS256' }), /no expiry/],
      ['unsigned (alg: none)', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), exp: now() + 600 })}.`, /refused/],
      ['alg: none with a signature part', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), exp: now() + 600 })}.${'A'.repeat(43)}`, /refused/],
      ['HS512 with the right secret (algorithm not allowed)', () => jwt.sign(claims(), secret(), { algorithm: 'HS512', expiresIn: 600 }), /invalid algorithm/],
      [
        'RS256 of a key the platform does not know',
        () => jwt.sign(claims(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { algorithm: 'RS256', expiresIn: 600 }),
        /invalid algorithm/,
      ],
      ['a SERVICE token signed with the users’ secret', () => hs({ sub: 'service:personnel', role: 'SERVICE', exp: now() + 600 }, secret(), { kid: 'tw-internal' }), /invalid signature/],
      ['role SERVICE without the internal key id', () => hs({ sub: 'service:personnel', role: 'SERVICE', exp: now() + 600 }, secret()), /role "SERVICE" is not one of/],
      ['SCHOOL_ADMIN without a school', () => hs({ sub: 'clerk', role: 'SCHOOL_ADMIN', exp: now() + 600 }, secret()), /must name its school/],
      ['a tampered payload (role raised after signing)', () => {
        const [h, , s] = jwt.sign({ sub: 'analyst', role: 'ANALYST' }, secret(), { algorithm: 'HS256', expiresIn: 600 }).split('.');
        return `${h}.${b64({ sub: 'analyst', role: 'DISTRICT_ADMIN', exp: now() + 600 })}.${s}`;
      }, /invalid signature/],
      ['not a JWT', () => 'not-a-jwt', /not a JWT/],
    ];

    it.each(cases)('refuses a token %s at every subgraph', async (_label, make, reason) => {
      const r = await caller(p.gatewayUrl, make())(EVERY_SUBGRAPH);
      for (const field of ROOT_FIELDS) expect(r.data?.[field] ?? null).toBeNull();
      expect(r.errors?.length).toBe(ROOT_FIELDS.length);
      for (const e of r.errors!) {
        expect(e.extensions?.code).toBe('UNAUTHENTICATED');
        expect(e.message).toMatch(reason);
        expect(e.extensions).not.toHaveProperty('response');
      }
    });

    it('answers the same request with a valid token (the control)', async () => {
      const r = await admin(EVERY_SUBGRAPH);
      expect(r.errors).toBeUndefined();
      for (const field of ROOT_FIELDS) expect(r.data[field]).not.toBeNull();
    });

    it('does not let a client send entity representations (a forged school) through the gateway', async () => {
      const forged = JSON.stringify([{ __typename: 'Teacher', id: offender, school: { id: schoolA.id } }]).replace(/"(\w+)":/g, '$1:');
      const r = await as(schoolAdminA())(`{ _entities(representations: ${forged}) { ... on Teacher { pay(year: ${year}) { id annualIncome } } } }`);
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      for (const m of teachers.get(offender)!.markers) expect(r.text).not.toContain(m);
    });
  });

  /** The reads tried for a victim teacher `v` at school `s`. */
  const reads = (v: string, s: string): Array<[string, string]> => {
    const t = teachers.get(v)!;
    const full = fullTeacher(year);
    return [
      ['teacher(id)', `{ teacher(id: "${v}") { ...Full } } ${full}`],
      ['teachersByIds', `{ teachersByIds(ids: ["${v}"]) { ...Full } } ${full}`],
      ['teacherByIdNumber', `{ teacherByIdNumber(idNumber: "${t.idNumber}") { ...Full } } ${full}`],
      ['teachersByIdNumber', `{ teachersByIdNumber(idNumbers: ["${t.idNumber}"]) { ...Full } } ${full}`],
      ["teachers of the victim's school", `{ teachers(first: 1000, filter: { schoolId: "${s}" }) { nodes { ...Full } } } ${full}`],
      ['teachers, unfiltered', `{ teachers(first: 300) { nodes { ...Full } } } ${full}`],
      ["the victim's school's teachers", `{ school(id: "${s}") { teachers(first: 1000) { nodes { ...Full } } } } ${full}`],
      ['payRecords of the school', `{ payRecords(first: 1000, filter: { year: ${year}, schoolId: "${s}" }) { nodes { id annualIncome teacher { id } } } }`],
      ['payRecords, unfiltered', `{ payRecords(first: 1000, filter: { year: ${year} }) { nodes { id annualIncome } } }`],
      ['talentRecords', `{ talentRecords(first: 1000, filter: { year: ${year} }) { nodes { id subsidy teacher { id } } } }`],
      ["trainingParticipations of the victim", `{ trainingParticipations(first: 1000, filter: { teacherId: "${v}" }) { nodes { id hours } } }`],
      ['trainingParticipations of the school', `{ trainingParticipations(first: 1000, filter: { schoolId: "${s}" }) { nodes { id hours } } }`],
      ['ethicsAssessments of the victim', `{ ethicsAssessments(first: 1000, filter: { teacherId: "${v}" }) { nodes { id result } } }`],
      ['ethicsAssessments of the school', `{ ethicsAssessments(first: 1000, filter: { schoolId: "${s}" }) { nodes { id result } } }`],
      ['violations of the offender', `{ violations(first: 1000, filter: { teacherId: "${offender}" }) { nodes { id description } } }`],
      ["violations of the offender's school", `{ violations(first: 1000, filter: { schoolId: "${schoolB.id}" }) { nodes { id description } } }`],
      ['violations, unfiltered', '{ violations(first: 1000) { nodes { id description teacher { id } } } }'],
      ['appraisals of the victim', `{ appraisals(first: 1000, filter: { teacherId: "${v}" }) { nodes { id result } } }`],
      ['awards of the school', `{ awards(first: 1000, filter: { schoolId: "${s}" }) { nodes { id title } } }`],
      ['principalRanks of the school', `{ principalRanks(first: 1000, filter: { schoolId: "${s}" }) { nodes { id rank } } }`],
      ['hires of the school', `{ hires(first: 1000, filter: { schoolId: "${s}" }) { nodes { id } } }`],
      ['rotations of the school', `{ rotations(first: 1000, filter: { schoolId: "${s}" }) { nodes { id } } }`],
      ['eligibility', `{ eligibility(teacherIds: ["${v}"], year: ${year}) { teacherId vetoed purposes { eligible reasons } } }`],
      // teachers reached through other records, each a page the gateway's cost limit lets through
      ['studios, their hosts and members', `{ studios(first: 100) { nodes { host { ...Some } members { ...Some } } } } ${SOME}`],
      ['lessons and their presenters', `{ lessons(first: 400) { nodes { presenter { ...Some } } } } ${SOME}`],
      ['mentoring pairs', `{ mentoringPairs(first: 200) { nodes { mentor { ...Some } mentee { ...Some } } } } ${SOME}`],
      ['pay records reached from the school', `{ school(id: "${s}") { teachers(first: 1000) { nodes { payHistory { id } } } } }`],
    ];
  };

  /** Fields of a teacher that only those who may read the person get (null for everyone else). */
  const PERSONAL = ['birthDate', 'politicalStatus', 'hires', 'rotations', 'trainings', 'trainingHours', 'designations', 'pay', 'payHistory', 'talent', 'ethics', 'violations', 'appraisal', 'awards', 'principalRanks', 'eligibility'];

  /** Personal data in an answer about teachers the reader may not read: a teacher object with a personal field set, or an eligibility. */
  function personalLeaks(data: unknown, mayRead: (t: TeacherRecords) => boolean): string[] {
    const out: string[] = [];
    const walk = (x: unknown, at: string) => {
      if (Array.isArray(x)) return x.forEach((y, i) => walk(y, `${at}[${i}]`));
      if (!x || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      const teacher = typeof o.id === 'string' ? teachers.get(o.id) : undefined;
      if (teacher && !mayRead(teacher)) {
        for (const k of PERSONAL) if (o[k] !== undefined && o[k] !== null) out.push(`${at}.${k} of teacher ${teacher.id}`);
        if (o.idNumber === teacher.idNumber) out.push(`${at}.idNumber of teacher ${teacher.id}, whole`);
      }
      const subject = typeof o.teacherId === 'string' ? teachers.get(o.teacherId) : undefined;
      if (subject && !mayRead(subject) && o.vetoed !== undefined && o.vetoed !== null) out.push(`${at}: the eligibility of teacher ${subject.id}`);
      for (const [k, v] of Object.entries(o)) walk(v, `${at}.${k}`);
    };
    walk(data, 'data');
    return out;
  }

  /** Errors that mean the query never ran: a typo here would make a read pass without proving anything. */
  const BROKEN = ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR', 'UNAVAILABLE', 'UNAUTHENTICATED'];

  const readCases = () => [
    { label: 'a SCHOOL_ADMIN of school A on an offender of school B', who: schoolAdminA(), victim: offender, mayRead: (t: TeacherRecords) => t.schoolId === schoolA.id },
    { label: 'a SCHOOL_ADMIN of school A on the principal of school B', who: schoolAdminA(), victim: principalB, mayRead: (t: TeacherRecords) => t.schoolId === schoolA.id },
    { label: 'a TEACHER on a colleague of their school', who: teacherA(), victim: colleagueA, mayRead: (t: TeacherRecords) => t.id === ownA },
    { label: 'a TEACHER on a teacher of another school', who: teacherA(), victim: offender, mayRead: (t: TeacherRecords) => t.id === ownA },
    { label: 'an ANALYST on a single teacher', who: analyst, victim: colleagueA, mayRead: () => false },
  ];

  it.each([0, 1, 2, 3, 4])('keeps each role to its scope on every read (case %i)', async (i) => {
    const c = readCases()[i];
    const foreign = new Map<string, string>();
    for (const t of teachers.values()) if (!c.mayRead(t)) for (const m of t.markers) foreign.set(m, t.id);
    const v = teachers.get(c.victim)!;
    const who = as(c.who);
    const problems: string[] = [];
    for (const [name, query] of reads(v.id, v.schoolId)) {
      const control = await admin(query);
      if (control.errors?.length) problems.push(`${name}: the DISTRICT_ADMIN control failed: ${control.errors[0].message}`);
      else if (![...foreign.keys()].some((m) => control.text.includes(m)) && !personalLeaks(control.data, c.mayRead).length) {
        problems.push(`${name}: the DISTRICT_ADMIN control shows nothing out of scope, so this read proves nothing`);
      }
      const r = await who(query);
      const broken = (r.errors ?? []).filter((e) => BROKEN.includes(String(e.extensions?.code)));
      if (broken.length) problems.push(`${name}: ${broken.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
      const leaked = [...foreign.keys()].filter((m) => r.text.includes(m));
      if (leaked.length) problems.push(`${name}: ${leaked.length} records out of scope answered, e.g. ${leaked[0]} of teacher ${foreign.get(leaked[0])}`);
      const personal = personalLeaks(r.data, c.mayRead);
      if (personal.length) problems.push(`${name}: ${personal.length} personal fields out of scope answered, e.g. ${personal[0]}`);
    }
    expect({ case: c.label, problems }).toEqual({ case: c.label, problems: [] });
  });

  it('lets a SCHOOL_ADMIN and a TEACHER read what is theirs (the positive control)', async () => {
    const own = teachers.get(ownA)!;
    for (const who of [schoolAdminA(), teacherA()]) {
      const r = await as(who)(`{ teacher(id: "${ownA}") { ...Full } } ${fullTeacher(year)}`);
      expect(r.errors).toBeUndefined();
      // a TEACHER sees their own ID number masked, as everyone but DISTRICT_ADMIN and the school's SCHOOL_ADMIN does
      for (const m of own.markers.filter((x) => who.role === 'SCHOOL_ADMIN' || x !== own.idNumber)) expect(r.text).toContain(m);
    }
  });

  it('answers an ANALYST the district figures (aggregates are theirs)', async () => {
    const r = await as(analyst)(`{ payParity(year: ${year}) { year } inspectionSummary(year: ${year}) { year } quotaSummary(year: ${year}) { year } }`);
    expect(r.errors).toBeUndefined();
  });

  /** The bulk writes tried on a target teacher `v` (at school `s`, another school being `other`), and on their school. */
  const writes = (v: string, s: { id: string; name: string }, other: { id: string; name: string }, teacherInput: Record<string, unknown>): Array<[string, string, Record<string, unknown>]> => [
    ['upsertTeachers', 'TeacherInput', { ...teacherInput, schoolId: s.id, name: `${teacherInput.name}改` }],
    ['upsertTeachers', 'TeacherInput', { ...teacherInput, schoolId: other.id }],
    ['upsertHires', 'HireInput', { teacherId: v, year, channel: 'OTHER' }],
    ['upsertRotations', 'RotationInput', { teacherId: v, type: '城乡交流', personnelRelationMoved: false, startMonth: `${year}-09`, fromSchoolName: s.name, toSchoolName: other.name }],
    ['upsertQuotas', 'QuotaInput', { schoolId: s.id, year: year + 1, approved: 999 }],
    ['upsertPayRecords', 'PayRecordInput', { teacherId: v, year, annualIncome: '99999.99' }],
    ['upsertTalentRecords', 'TalentRecordInput', { teacherId: v, year, category: 'C', result: 'PASSED', subsidy: '3000.00' }],
    ['upsertPerformancePayAllocations', 'PerformancePayAllocationInput', { schoolId: s.id, year, approvedTotal: '9999999.00' }],
    ['upsertCivilServantBenchmarks', 'CivilServantBenchmarkInput', { year, averageAnnualPay: '1.00' }],
    ['upsertTrainings', 'TrainingInput', { teacherId: v, year, level: 'COUNTY', projectName: '越权写入测试培训', mode: 'ONLINE', hours: 8 }],
    ['upsertDesignations', 'DesignationInput', { teacherId: v, kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year }],
    ['upsertLessons', 'LessonInput', { date: `${year}-11-11`, teacherId: v, title: '越权写入测试课', kind: 'OPEN' }],
    ['upsertMentoringPairs', 'MentoringPairInput', { mentorId: v === ownA ? colleagueA : ownA, menteeId: v, startDate: `${year}-09-01` }],
    ['upsertEthicsAssessments', 'EthicsAssessmentInput', { teacherId: v, year, result: 'INCOMPETENT' }],
    ['upsertViolations', 'ViolationInput', { teacherId: v, occurredOn: `${year}-05-05`, negativeListItem, description: '越权写入测试' }],
    ['upsertAppraisals', 'AppraisalInput', { teacherId: v, year, result: 'BASICALLY_COMPETENT' }],
    ['upsertAwards', 'AwardInput', { teacherId: v, title: '越权写入测试奖', level: 'COUNTY', awardedOn: `${year}-09-10` }],
    ['upsertPrincipalRanks', 'PrincipalRankInput', { teacherId: principalB, rank: 'JUNIOR', year }],
    ['upsertSchoolReforms', 'SchoolReformInput', { schoolId: s.id, status: 'NOT_STARTED' }],
    ['upsertInspectionEvents', 'InspectionEventInput', { year, name: inspectionItem.name, department: inspectionItem.department, schoolId: s.id, heldOn: `${year}-06-06` }],
  ];

  const TEACHER_INPUT_FIELDS =
    'name gender idType idNumber birthDate ethnicity politicalStatus workStartMonth schoolStartMonth inQuota employmentForm postCategory professionalTitle education teachingStage teachingSubject status statusCode statusDetail staffNo';

  async function teacherInputOf(id: string): Promise<Record<string, unknown>> {
    const r = await admin(`{ teacher(id: "${id}") { ${TEACHER_INPUT_FIELDS} } }`);
    expect(r.errors).toBeUndefined();
    return r.data.teacher;
  }

  /** What DISTRICT_ADMIN reads of the teachers and the school a write could touch, to compare before and after. */
  async function snapshot(ids: string[], schoolId: string): Promise<string> {
    const r = await admin(`{
      teachersByIds(ids: ${JSON.stringify(ids)}) { ...Full updatedAt name school { id } trainings { id hours } mentor { id } mentees { id } ethics(year: ${year}) { id result updatedAt } appraisal(year: ${year}) { id result updatedAt } }
      school(id: "${schoolId}") { quota(year: ${year + 1}) { approved } performancePay(year: ${year}) { approvedTotal } reformStatus inspectionCount(year: ${year}) }
      civilServantBenchmarks { year averageAnnualPay updatedAt }
      lessons(first: 1000, filter: { teacherId: "${ids[0]}" }) { nodes { id } }
    } ${fullTeacher(year)}`);
    expect(r.errors).toBeUndefined();
    return JSON.stringify(r.data);
  }

  const writeCases = () => [
    { label: 'a SCHOOL_ADMIN of school A on a teacher of school B', who: schoolAdminA(), target: targetB, school: schoolB, other: schoolA },
    { label: 'a TEACHER on their own record', who: teacherA(), target: ownA, school: schoolA, other: schoolB },
    { label: 'a TEACHER on a colleague', who: teacherA(), target: colleagueA, school: schoolA, other: schoolB },
    { label: 'an ANALYST', who: analyst, target: colleagueA, school: schoolA, other: schoolB },
  ];

  it.each([0, 1, 2, 3])('refuses each bulk write outside the role’s scope and leaves the records as they were (case %i)', async (i) => {
    const c = writeCases()[i];
    const input = await teacherInputOf(c.target);
    const watched = [c.target, principalB];
    const before = await snapshot(watched, c.school.id);
    const problems: string[] = [];
    for (const [mutation, inputType, row] of writes(c.target, c.school, c.other, input)) {
      const dry = await admin<{ r: BulkAnswer }>(UPSERT(mutation, inputType), { rows: [row], options: { dryRun: true } });
      const dryRejected = dry.data?.r.rows.find((x) => x.status === 'REJECTED');
      if (dry.errors?.length || dryRejected) {
        problems.push(`${mutation}: the DISTRICT_ADMIN dry run refused the row, so this write proves nothing: ${dry.errors?.[0].message ?? `${dryRejected!.code} ${dryRejected!.message}`}`);
        continue;
      }
      const r = await as(c.who)<{ r: BulkAnswer }>(UPSERT(mutation, inputType), { rows: [row] });
      const refusedByError = !!r.errors?.length && (r.errors ?? []).every((e) => e.extensions?.code === 'FORBIDDEN') && !r.data?.r;
      const refusedByRow = !r.errors?.length && r.data?.r.written === false && r.data.r.rejected === 1;
      // registering another school's teacher is a pending submission for the bureau (issue 15): answered as any new teacher's, it writes nothing
      const heldForReview = !r.errors?.length && mutation === 'upsertTeachers' && c.who.role === 'SCHOOL_ADMIN' && r.data?.r.written === false && r.data.r.rows[0]?.status === 'SUBMITTED';
      if (!refusedByError && !refusedByRow && !heldForReview) problems.push(`${mutation}: not refused: ${r.text.slice(0, 300)}`);
    }
    expect({ case: c.label, problems }).toEqual({ case: c.label, problems: [] });
    expect(await snapshot(watched, c.school.id)).toBe(before);
  });

  it('accepts, on a dry run, the same writes a SCHOOL_ADMIN may make for their own school (the positive control)', async () => {
    const input = await teacherInputOf(ownA);
    const mayWrite = new Set([
      'upsertTeachers',
      'upsertHires',
      'upsertRotations',
      'upsertPayRecords',
      'upsertTrainings',
      'upsertDesignations',
      'upsertLessons',
      'upsertMentoringPairs',
      'upsertEthicsAssessments',
      'upsertViolations',
      'upsertAppraisals',
      'upsertAwards',
      'upsertInspectionEvents',
    ]);
    const problems: string[] = [];
    const own = writes(ownA, schoolA, schoolB, input).filter(([m, , row]) => mayWrite.has(m) && !(m === 'upsertTeachers' && row.schoolId !== schoolA.id));
    expect(own.map(([m]) => m).sort()).toEqual([...mayWrite].sort());
    for (const [mutation, inputType, row] of own) {
      const r = await as(schoolAdminA())<{ r: BulkAnswer }>(UPSERT(mutation, inputType), { rows: [row], options: { dryRun: true } });
      if (r.errors?.length || r.data?.r.rejected) problems.push(`${mutation}: ${r.text.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  });
});
