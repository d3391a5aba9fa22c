import { databaseKind, PARTY_MEMBER_STATUSES, queryRows, SERVING_STATUSES, sqlMarks, sqlNumber, versionsOn } from '@tw/kernel';
import { DataSource } from 'typeorm';

/**
 * The platform's definitions of the teaching force, in one place (every service asks personnel):
 * a teacher is one in the roster on the day asked (a year's statistics day) whose status that day
 * is 在本单位任职 or 暂未在本单位任职, counted at the school they were at that day; public means a
 * 公办 school; a party member is 中国共产党党员 or 预备党员 (that day).
 */
const SERVING_SQL = `t.status IN (${SERVING_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const PARTY_SQL = `CASE WHEN t.political_status IN (${PARTY_MEMBER_STATUSES.map((s) => `'${s}'`).join(', ')}) THEN 1 ELSE 0 END`;

/** The district's schools (now) and its serving teachers on a day. */
export interface DistrictRoster {
  readonly schools: number;
  readonly publicSchools: number;
  readonly teachers: number;
  readonly publicTeachers: number;
  readonly partyMembers: number;
  /** serving teachers holding an established post: the posts filled */
  readonly inQuota: number;
}

/** A school's serving teachers on a day. */
export interface SchoolRoster {
  readonly schoolId: string;
  readonly isPublic: boolean;
  readonly teachers: number;
  readonly partyMembers: number;
  readonly inQuota: number;
}

/**
 * Serving teachers per school on each day asked (YYYY-MM-DD; a year's statistics day), with party
 * members and established posts: one GROUP BY day, school over the teacher versions true on each
 * day (the kernel's versionsOn, read by ix_teacher_v_valid); and the schools' sponsors. Two statements for any number of
 * days, joined here over 2,000 schools.
 */
export async function schoolRostersOn(ds: DataSource, days: readonly string[], schoolIds: readonly string[] | null): Promise<Map<string, Map<string, SchoolRoster>>> {
  const only = (column: string) => (schoolIds ? ` AND ${column} IN (${sqlMarks(schoolIds.length)})` : '');
  const teachers = versionsOn('teacher', days.map((day) => ({ year: Number(day.slice(0, 4)), day })));
  const [counts, schools] = await Promise.all([
    queryRows<{ d: unknown; schoolId: string; n: unknown; party: unknown; quota: unknown }>(
      ds,
      `SELECT t.as_of_day AS d, t.school_id AS schoolId, COUNT(*) AS n, SUM(${PARTY_SQL}) AS party, SUM(CASE WHEN t.in_quota = 1 THEN 1 ELSE 0 END) AS quota
       FROM ${teachers.sql} t WHERE ${SERVING_SQL}${only('t.school_id')} GROUP BY t.as_of_day, t.school_id`,
      [...teachers.params, ...(schoolIds ?? [])],
    ),
    queryRows<{ id: string; sponsor: string }>(ds, `SELECT s.id AS id, s.sponsor AS sponsor FROM school s WHERE 1 = 1${only('s.id')}`, schoolIds ?? []),
  ]);
  const of = new Map(counts.map((c) => [`${String(c.d).slice(0, 10)}|${c.schoolId}`, c]));
  return new Map(
    days.map((day) => [
      day,
      new Map(
        schools.map((s) => {
          const c = of.get(`${day}|${s.id}`);
          return [s.id, { schoolId: s.id, isPublic: s.sponsor === 'PUBLIC', teachers: sqlNumber(c?.n), partyMembers: sqlNumber(c?.party), inQuota: sqlNumber(c?.quota) }];
        }),
      ),
    ]),
  );
}

/** Serving teachers per school on one day (see schoolRostersOn). */
export async function schoolRosters(ds: DataSource, day: string, schoolIds: readonly string[] | null): Promise<Map<string, SchoolRoster>> {
  return (await schoolRostersOn(ds, [day], schoolIds)).get(day)!;
}

/** The district's roster figures on each day asked: the schools' figures added up. */
export async function districtRosters(ds: DataSource, days: readonly string[]): Promise<Map<string, DistrictRoster>> {
  const byDay = await schoolRostersOn(ds, days, null);
  return new Map(
    [...byDay].map(([day, map]) => {
      const schools = [...map.values()];
      const sum = (f: (s: SchoolRoster) => number) => schools.reduce((n, s) => n + f(s), 0);
      return [
        day,
        {
          schools: schools.length,
          publicSchools: sum((s) => (s.isPublic ? 1 : 0)),
          teachers: sum((s) => s.teachers),
          publicTeachers: sum((s) => (s.isPublic ? s.teachers : 0)),
          partyMembers: sum((s) => s.partyMembers),
          inQuota: sum((s) => s.inQuota),
        },
      ];
    }),
  );
}

/** Of a group of teachers (by id), those serving on a day at one school. */
export interface RosterCount {
  readonly key: string;
  readonly schoolId: string;
  readonly isPublic: boolean;
  readonly teachers: number;
  readonly partyMembers: number;
}

/**
 * A JSON array of [teacher id, group number, day] as a table `(id, g, d)`, so that any number of ids is one
 * statement: JSON_TABLE on MySQL/MariaDB (the id column in the tables' binary collation), json_each on SQLite.
 */
function idTable(ds: DataSource): string {
  return databaseKind(ds) === 'mysql'
    ? "JSON_TABLE(?, '$[*]' COLUMNS (id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[0]', g INT PATH '$[1]', d DATE PATH '$[2]'))"
    : "(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS g, json_extract(value, '$[2]') AS d FROM json_each(?))";
}

/**
 * Of each group of teachers (by id), those serving on a day, counted per school they were at that
 * day (with whether it is public) with the party members among them: one aggregate statement for every group. Another
 * service passes the teachers its figures are about (those holding a designation: a tenth of the
 * roster, grouped by the years they hold it), never the roster.
 */
export async function rosterCountsAmong(ds: DataSource, groups: ReadonlyArray<{ key: string; teacherIds: readonly string[]; day: string }>): Promise<RosterCount[]> {
  const pairs = groups.flatMap((g, i) => [...new Set(g.teacherIds)].map((id) => [id, i, g.day]));
  if (!pairs.length) return [];
  const found = await queryRows<{ g: unknown; schoolId: string; sponsor: string; n: unknown; party: unknown }>(
    ds,
    `SELECT x.g AS g, t.school_id AS schoolId, s.sponsor AS sponsor, COUNT(*) AS n, SUM(${PARTY_SQL}) AS party
     FROM ${idTable(ds)} x JOIN teacher_version t ON t.record_id = x.id JOIN school s ON s.id = t.school_id
     WHERE t.valid_from <= x.d AND (t.valid_to IS NULL OR t.valid_to > x.d) AND t.superseded_at IS NULL AND t.op <> 'delete' AND ${SERVING_SQL}
     GROUP BY x.g, t.school_id, s.sponsor`,
    [JSON.stringify(pairs)],
  );
  return found
    .map((r) => ({ key: groups[sqlNumber(r.g)].key, schoolId: r.schoolId, isPublic: r.sponsor === 'PUBLIC', teachers: sqlNumber(r.n), partyMembers: sqlNumber(r.party) }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.schoolId.localeCompare(b.schoolId));
}
