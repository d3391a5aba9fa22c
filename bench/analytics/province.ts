/**
 * A province-scale district for the analytics benchmark, as rows of each service's tables: 2,000
 * schools, 200,000 teachers, 2,000,000 training participations over four years, 200,000 pay records,
 * and the other tables in proportion. Seeded: the same province every run.
 */
import { newId, Random } from '@tw/kernel';

export const REPORT_YEAR = 2025;
/** the years that carry training records (the report year last) */
export const TRAINING_YEARS = [2022, 2023, 2024, 2025];

/** A table's rows, generated in batches so that two million rows never sit in memory at once. */
export interface TableRows {
  readonly table: string;
  readonly columns: readonly string[];
  rows(): Iterable<unknown[]>;
}

const STAMP = '2025-12-20 08:00:00';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface ProvinceSize {
  readonly schools: number;
  readonly teachers: number;
  readonly participations: number;
  readonly payRecords: number;
}

export const PROVINCE: ProvinceSize = { schools: 2000, teachers: 200_000, participations: 2_000_000, payRecords: 200_000 };

interface School {
  id: string;
  code: string;
  name: string;
  isPublic: boolean;
}
interface Teacher {
  id: string;
  /** the school now (the latest version) */
  school: School;
  serving: boolean;
  party: boolean;
  /** the teacher's versions, oldest first: valid from, the school then, the status then */
  history: Array<{ from: string; school: School; status: string }>;
}

/** The teacher's school on a day (YYYY-MM-DD), from their versions. */
export function schoolOn(t: Teacher, day: string): School {
  let s = t.history[0].school;
  for (const v of t.history) if (v.from <= day) s = v.school;
  return s;
}

/** The teacher table's columns the province writes (teacher_version has them too). */
const TEACHER_COLUMNS = ['id', 'school_id', 'name', 'gender', 'id_type', 'id_number', 'birth_date', 'ethnicity', 'political_status', 'work_start_month', 'school_start_month', 'in_quota', 'employment_form', 'professional_title', 'status', 'created_at', 'updated_at'];
const VERSION_META = ['version_id', 'record_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'op', 'actor_subject', 'actor_role', 'acting_service', 'request_id', 'import_job_id', 'reason'];

/** The province: its schools and teachers in memory (they are referenced by every other table), the rest generated on demand. */
export function province(o: { negativeListItemId: string; size?: ProvinceSize; seed?: number }) {
  const size = o.size ?? PROVINCE;
  const seed = o.seed ?? 20251126;
  const r = new Random(seed);
  const schools: School[] = Array.from({ length: size.schools }, (_, i) => ({
    id: newId(),
    code: String(4100000000 + i),
    name: `省测试第${i + 1}学校`,
    // one school in twenty private
    isPublic: i % 20 !== 19,
  }));
  const statusOf = (): string => {
    const x = r.next();
    return x < 0.93 ? 'IN_SERVICE' : x < 0.95 ? 'NOT_AT_POST' : x < 0.98 ? 'RETIRED' : x < 0.99 ? 'TRANSFERRED_OUT' : 'RESIGNED';
  };
  const teacherRows: unknown[][] = [];
  const versionRows: unknown[][] = [];
  const teachers: Teacher[] = [];
  for (let i = 0; i < size.teachers; i++) {
    const firstSchool = schools[Math.floor(Math.pow(r.next(), 1.15) * size.schools)];
    const finalStatus = statusOf();
    const politicalStatus = r.chance(0.36) ? 'CPC_MEMBER' : r.chance(0.03) ? 'CPC_PROBATIONARY_MEMBER' : r.chance(0.1) ? 'CYL_MEMBER' : 'MASSES';
    const inQuota = firstSchool.isPublic ? r.chance(0.9) : r.chance(0.1);
    const id = newId();
    const birthYear = r.int(1965, 2001);
    // 1–3 versions across the four years: a quarter move school (on 1 September of a year), and some
    // of those who leave (retired, transferred out, resigned: 7%) did so during the four years
    const history: Teacher['history'] = [{ from: `${Math.min(birthYear + 23, 2021)}-09-01`, school: firstSchool, status: 'IN_SERVICE' }];
    const leavesIn = finalStatus !== 'IN_SERVICE' && finalStatus !== 'NOT_AT_POST' && r.chance(0.6) ? r.int(2022, 2025) : null;
    if (leavesIn === null) history[0].status = finalStatus;
    if (r.chance(0.25)) {
      const year = r.int(2022, leavesIn ?? 2025);
      const to = schools[r.int(0, size.schools - 1)];
      if (to !== firstSchool && (leavesIn === null || year < leavesIn)) history.push({ from: `${year}-09-01`, school: to, status: history[0].status });
    }
    if (leavesIn !== null) history.push({ from: `${leavesIn}-0${r.int(1, 8)}-15`, school: history[history.length - 1].school, status: finalStatus });
    const school = history[history.length - 1].school;
    teachers.push({ id, school, serving: finalStatus === 'IN_SERVICE' || finalStatus === 'NOT_AT_POST', party: politicalStatus.startsWith('CPC'), history });
    const rowOf = (v: Teacher['history'][number], startMonth: string) => [
      id, v.school.id, `教师${i}`, i % 3 ? 'FEMALE' : 'MALE', 'RESIDENT_ID', `B${String(i).padStart(17, '0')}`, `${birthYear}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`,
      'HAN', politicalStatus, `${birthYear + 22}-09`, startMonth, inQuota ? 1 : 0, inQuota ? null : 'CONTRACT', 'FIRST_GRADE', v.status, STAMP, STAMP,
    ];
    let startMonth = history[0].from.slice(0, 7);
    history.forEach((v, k) => {
      if (v.school !== (history[k - 1]?.school ?? v.school)) startMonth = v.from.slice(0, 7);
      const row = rowOf(v, startMonth);
      // written the way the platform writes them: one version per change, valid from its day to the next one's
      versionRows.push([newId(), id, v.from, history[k + 1]?.from ?? null, STAMP, null, k === 0 ? 'create' : 'update', 'bench', 'DISTRICT_ADMIN', null, null, null, null, ...row.slice(1)]);
      if (k === history.length - 1) teacherRows.push(row);
    });
  }
  const serving = teachers.filter((t) => t.serving);
  const publicSchools = schools.filter((s) => s.isPublic);

  // each table draws from its own seeded stream, so the province is the same whatever order the tables load in
  const streamOf = (name: string) => new Random([...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), seed));
  const table = (name: string, columns: string[], rows: (r: Random) => Iterable<unknown[]>): TableRows => ({ table: name, columns, rows: () => rows(streamOf(name)) });

  const personnel: TableRows[] = [
    table('school', ['id', 'code', 'name', 'type', 'sponsor', 'created_at', 'updated_at'], () =>
      schools.map((s) => [s.id, s.code, s.name, 'PRIMARY', s.isPublic ? 'PUBLIC' : 'PRIVATE', STAMP, STAMP]),
    ),
    table(
      'teacher',
      TEACHER_COLUMNS,
      () => teacherRows,
    ),
    table('teacher_version', [...VERSION_META, ...TEACHER_COLUMNS.slice(1)], () => versionRows),
    table('staffing_quota', ['id', 'school_id', 'year', 'approved', 'updated_at'], function* (r) {
      for (const s of publicSchools) for (const year of [2023, 2024, 2025]) yield [newId(), s.id, year, r.int(60, 140), STAMP];
    }),
    // a fifth of the teachers were hired in the last five years
    table('hire', ['id', 'teacher_id', 'year', 'channel', 'in_quota_date', 'updated_at'], function* (r) {
      for (const t of teachers) {
        if (!r.chance(0.2)) continue;
        const year = r.int(2021, 2025);
        yield [newId(), t.id, year, r.pick(['CAMPUS', 'CAMPUS', 'PUBLIC_OPEN', 'TALENT_INTRODUCTION', 'OTHER']), r.chance(0.8) ? `${year}-${pad(r.int(7, 12))}-01` : null, STAMP];
      }
    }),
    table(
      'rotation',
      ['id', 'teacher_id', 'type', 'personnel_relation_moved', 'start_month', 'end_month', 'from_school_id', 'from_school_name', 'to_school_id', 'to_school_name', 'updated_at'],
      function* (r) {
        for (const t of serving) {
          if (!r.chance(0.095)) continue;
          const to = r.pick(publicSchools);
          yield [newId(), t.id, '县管校聘交流', 0, `${r.int(2023, 2025)}-09`, null, t.school.id, t.school.name, to.id, to.name, STAMP];
        }
      },
    ),
  ];

  // 100 district-level programmes a year (8 on 师德, 6 on 思想政治) and one school programme per school
  const LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'];
  const programmes = TRAINING_YEARS.map((year) => ({
    year,
    district: Array.from({ length: 100 }, (_, i) => ({
      id: newId(),
      year,
      level: i < 60 ? 'COUNTY' : LEVELS[i % 3],
      topic: i < 8 ? 'ETHICS' : i < 14 ? 'POLITICAL' : r.pick(['SUBJECT_TEACHING', 'IT', 'HOMEROOM', 'OTHER']),
      hours: r.pick([6, 10, 16, 24, 40]),
      name: `${year}年省级测试培训项目${i + 1}`,
    })),
    school: new Map(schools.map((s) => [s.id, { id: newId(), year, level: 'SCHOOL', topic: 'SUBJECT_TEACHING', hours: 30, name: `${s.name}${year}年校本研修` }])),
  }));
  const designated: Array<{ teacher: Teacher; kind: string; level: string; year: number }> = [];
  const development: TableRows[] = [
    table('training_programme', ['id', 'year', 'level', 'name', 'provider', 'mode', 'topic', 'topic_source', 'created_at', 'updated_at'], function* (r) {
      for (const y of programmes) for (const p of [...y.district, ...y.school.values()]) yield [p.id, p.year, p.level, p.name, null, 'BLENDED', p.topic, 'GIVEN', STAMP, STAMP];
    }),
    // every serving teacher, each year: the school's programme, then one or two district programmes, till the total is reached
    table('training_participation', ['id', 'programme_id', 'teacher_id', 'school_id', 'year', 'hours', 'credits', 'created_at', 'updated_at'], function* (r) {
      let n = 0;
      for (const t of serving) {
        for (const y of programmes) {
          const count = r.chance(0.63) ? 3 : 2;
          const picked = new Set<number>();
          while (picked.size < count - 1) picked.add(r.int(0, y.district.length - 1));
          for (const p of [y.school.get(t.school.id)!, ...[...picked].map((i) => y.district[i])]) {
            if (n++ >= size.participations) return;
            yield [newId(), p.id, t.id, t.school.id, y.year, p.hours, null, STAMP, STAMP];
          }
        }
      }
    }),
    table('designation', ['id', 'teacher_id', 'school_id', 'kind', 'level', 'year', 'valid_until', 'issuer', 'created_at', 'updated_at'], function* (r) {
      for (const t of teachers) {
        if (!r.chance(0.11)) continue;
        const year = r.int(2016, 2025);
        const kind = r.pick(['BACKBONE_TEACHER', 'BACKBONE_TEACHER', 'BACKBONE_TEACHER', 'SUBJECT_LEADER', 'FAMOUS_TEACHER', 'FAMOUS_HOMEROOM_TEACHER']);
        const level = r.pick(['DISTRICT', 'DISTRICT', 'MUNICIPAL', 'PROVINCIAL', 'NATIONAL']);
        designated.push({ teacher: t, kind, level, year });
        yield [newId(), t.id, t.school.id, kind, level, year, r.chance(0.5) ? `${year + 2}-12-31` : null, null, STAMP, STAMP];
        if (r.chance(0.15) && year < 2025) yield [newId(), t.id, t.school.id, 'SUBJECT_LEADER', 'MUNICIPAL', year + 1, null, null, STAMP, STAMP];
      }
    }),
  ];
  const studios: Array<{ id: string; host: Teacher; name: string }> = [];
  development.push(
    table('studio', ['id', 'name', 'kind', 'level', 'host_teacher_id', 'host_school_id', 'founded_year', 'created_at', 'updated_at'], function* (r) {
      for (const d of designated) {
        if (studios.length >= size.teachers / 100 || !r.chance(0.1)) continue;
        const s = { id: newId(), host: d.teacher, name: `${d.teacher.id}工作室` };
        studios.push(s);
        yield [s.id, s.name, d.kind === 'FAMOUS_HOMEROOM_TEACHER' ? 'FAMOUS_HOMEROOM_TEACHER' : 'FAMOUS_TEACHER', d.level, d.teacher.id, d.teacher.school.id, Math.max(d.year, r.int(2018, 2025)), STAMP, STAMP];
      }
    }),
    table('studio_member', ['id', 'studio_id', 'teacher_id', 'school_id', 'created_at'], function* (r) {
      for (const s of studios) {
        const members = new Set<Teacher>();
        while (members.size < 10) members.add(r.pick(serving));
        for (const m of members) yield [newId(), s.id, m.id, m.school.id, STAMP];
      }
    }),
    table('lesson', ['id', 'date', 'teacher_id', 'school_id', 'title', 'subject', 'kind', 'studio_id', 'observers', 'created_at', 'updated_at'], function* (r) {
      for (let i = 0; i < size.teachers / 4; i++) {
        const studio = r.chance(0.4) ? r.pick(studios) : null;
        const t = studio ? studio.host : r.pick(serving);
        const date = `${r.pick(TRAINING_YEARS)}-${pad(r.int(3, 12))}-${pad(r.int(1, 28))}`;
        yield [newId(), date, t.id, t.school.id, `示范课${i}`, '数学', r.pick(['DEMONSTRATION', 'OBSERVATION', 'OPEN']), studio?.id ?? null, r.int(10, 80), STAMP, STAMP];
      }
    }),
    table('mentoring_pair', ['id', 'mentor_id', 'mentor_school_id', 'mentee_id', 'mentee_school_id', 'start_date', 'end_date', 'created_at', 'updated_at'], function* (r) {
      const seen = new Set<string>();
      for (let i = 0; i < size.teachers / 20; i++) {
        const [a, b] = [r.pick(serving), r.pick(serving)];
        if (a === b || seen.has(`${a.id}|${b.id}`)) continue;
        seen.add(`${a.id}|${b.id}`);
        yield [newId(), a.id, a.school.id, b.id, b.school.id, `${r.int(2022, 2025)}-09-01`, null, STAMP, STAMP];
      }
    }),
  );

  const fen = (yuan: number) => Math.round(yuan * 100);
  const compensation: TableRows[] = [
    // the report year's pay of every serving teacher, the rest of the 200,000 of the year before
    table(
      'pay_record',
      ['id', 'teacher_id', 'year', 'school_id', 'school_public', 'teacher_serving', 'annual_income', 'basic_monthly', 'performance_monthly', 'rural_subsidy_monthly', 'other_allowance_monthly', 'other_monthly', 'created_at', 'updated_at'],
      function* (r) {
        let n = 0;
        for (const year of [REPORT_YEAR, REPORT_YEAR - 1]) {
          for (const t of serving) {
            if (n++ >= size.payRecords) return;
            const s = schoolOn(t, `${year}-12-31`);
            const annual = fen(r.int(70_000, 150_000) * (s.isPublic ? 1 : 0.85));
            yield [newId(), t.id, year, s.id, s.isPublic ? 1 : 0, 1, annual, Math.floor(annual / 36), Math.floor(annual / 30), null, null, null, STAMP, STAMP];
          }
        }
      },
    ),
    table('talent_record', ['id', 'teacher_id', 'year', 'category', 'result', 'subsidy', 'school_id', 'school_public', 'teacher_serving', 'created_at', 'updated_at'], function* (r) {
      for (const t of serving) {
        if (!r.chance(0.05)) continue;
        const category = r.pick(['A', 'B', 'B', 'C', 'C', 'C']);
        const passed = r.chance(0.93);
        yield [newId(), t.id, REPORT_YEAR, category, passed ? 'PASSED' : 'FAILED', passed ? fen({ A: 30_000, B: 15_000, C: 6_000 }[category]!) : null, t.school.id, t.school.isPublic ? 1 : 0, 1, STAMP, STAMP];
      }
    }),
    table('civil_servant_benchmark', ['id', 'year', 'average_annual_pay', 'updated_by', 'updated_at'], () => [
      [newId(), REPORT_YEAR - 1, fen(105_000), 'bench', STAMP],
      [newId(), REPORT_YEAR, fen(108_000), 'bench', STAMP],
    ]),
    table('performance_pay_allocation', ['id', 'school_id', 'year', 'approved_total', 'updated_at'], function* (r) {
      for (const s of publicSchools) for (const year of [REPORT_YEAR - 1, REPORT_YEAR]) yield [newId(), s.id, year, fen(r.int(2_000_000, 5_000_000)), STAMP];
    }),
  ];

  const governance: TableRows[] = [
    table('ethics_assessment', ['id', 'teacher_id', 'school_id', 'year', 'result', 'created_at', 'updated_at'], function* (r) {
      for (const t of serving) yield [newId(), t.id, t.school.id, REPORT_YEAR, r.chance(0.001) ? 'INCOMPETENT' : r.chance(0.15) ? 'EXCELLENT' : 'COMPETENT', STAMP, STAMP];
    }),
    table('appraisal', ['id', 'teacher_id', 'school_id', 'year', 'result', 'requested_result', 'appraiser', 'created_at', 'updated_at'], function* (r) {
      for (const t of serving) yield [newId(), t.id, t.school.id, REPORT_YEAR, r.chance(0.18) ? 'EXCELLENT' : 'COMPETENT', null, null, STAMP, STAMP];
    }),
    table('violation', ['id', 'teacher_id', 'school_id', 'occurred_on', 'negative_list_item_id', 'sanction', 'revoked_on', 'description', 'created_at', 'updated_at'], function* (r) {
      const seen = new Set<string>();
      for (let i = 0; i < size.teachers / 400; i++) {
        const t = r.pick(serving);
        const date = `${r.int(2021, 2025)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
        if (seen.has(`${t.id}|${date}`)) continue;
        seen.add(`${t.id}|${date}`);
        yield [newId(), t.id, t.school.id, date, o.negativeListItemId, r.pick([null, 'WARNING', 'WARNING', 'DEMERIT', 'DEMOTION', 'EXPULSION']), null, null, STAMP, STAMP];
      }
    }),
    table('award', ['id', 'teacher_id', 'school_id', 'title', 'level', 'awarded_on', 'issuer', 'created_at', 'updated_at'], function* (r) {
      for (let i = 0; i < size.teachers / 20; i++) {
        const t = r.pick(serving);
        yield [newId(), t.id, t.school.id, `优秀教师${i}`, r.pick(['COUNTY', 'MUNICIPAL', 'PROVINCIAL', 'GRASSROOTS']), `${r.pick([2024, 2025])}-09-10`, null, STAMP, STAMP];
      }
    }),
    table('principal_rank', ['id', 'teacher_id', 'school_id', 'rank_level', 'year', 'created_at', 'updated_at'], function* (r) {
      const byschool = new Map<string, Teacher>();
      for (const t of serving) if (!byschool.has(t.school.id)) byschool.set(t.school.id, t);
      for (const t of byschool.values()) yield [newId(), t.id, t.school.id, r.pick(['SENIOR', 'INTERMEDIATE', 'JUNIOR']), r.int(2022, 2025), STAMP, STAMP];
    }),
    table('school_reform', ['id', 'school_id', 'status', 'pilot_started_on', 'completed_on', 'note', 'created_at', 'updated_at'], function* (r) {
      for (const s of publicSchools) {
        const x = r.next();
        if (x < 0.2) continue;
        yield x < 0.6 ? [newId(), s.id, 'PILOT', '2024-03-01', null, null, STAMP, STAMP] : [newId(), s.id, 'COMPLETED', '2023-09-01', `2025-0${r.int(1, 9)}-01`, null, STAMP, STAMP];
      }
    }),
  ];
  const items = [2024, 2025].flatMap((year) => Array.from({ length: year === 2024 ? 30 : 24 }, (_, i) => ({ id: newId(), year, name: `检查事项${i + 1}` })));
  governance.push(
    table('inspection_item', ['id', 'year', 'name', 'department', 'approval_no', 'created_at', 'updated_at'], () => items.map((i) => [i.id, i.year, i.name, '督导室', null, STAMP, STAMP])),
    table('inspection_event', ['id', 'item_id', 'year', 'name', 'department', 'school_id', 'held_on', 'created_at', 'updated_at'], function* (r) {
      const seen = new Set<string>();
      for (const i of items) {
        for (let k = 0; k < (i.year === 2024 ? 400 : 320); k++) {
          const s = r.pick(schools);
          const heldOn = `${i.year}-${pad(r.int(3, 11))}-${pad(r.int(1, 28))}`;
          if (seen.has(`${i.id}|${s.id}|${heldOn}`)) continue;
          seen.add(`${i.id}|${s.id}|${heldOn}`);
          yield [newId(), i.id, i.year, i.name, '督导室', s.id, heldOn, STAMP, STAMP];
        }
      }
    }),
  );

  return { schools, teachers, personnel, development, compensation, governance };
}
