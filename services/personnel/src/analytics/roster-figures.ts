import { databaseKind, indexHint, PARTY_MEMBER_STATUSES, queryRows, SERVING_STATUSES, sqlMarks, sqlNumber } from '@tw/kernel';
import { DataSource } from 'typeorm';

/**
 * The platform's definitions of the teaching force, in one place (every service asks personnel):
 * a teacher is one in the roster now whose status is 在本单位任职 or 暂未在本单位任职; public means a
 * 公办 school; a party member is 中国共产党党员 or 预备党员.
 */
const SERVING_SQL = `t.status IN (${SERVING_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const PARTY_SQL = `CASE WHEN t.political_status IN (${PARTY_MEMBER_STATUSES.map((s) => `'${s}'`).join(', ')}) THEN 1 ELSE 0 END`;

/** The district's schools and serving teachers now. */
export interface DistrictRoster {
  readonly schools: number;
  readonly publicSchools: number;
  readonly teachers: number;
  readonly publicTeachers: number;
  readonly partyMembers: number;
  /** serving teachers holding an established post: the posts filled */
  readonly inQuota: number;
}

/** A school's serving teachers now. */
export interface SchoolRoster {
  readonly schoolId: string;
  readonly isPublic: boolean;
  readonly teachers: number;
  readonly partyMembers: number;
  readonly inQuota: number;
}

/**
 * Serving teachers per school, with party members and established posts: a GROUP BY school read in
 * the order of ix_teacher_roster (school, status, political status, in quota) alone, no row and no
 * temporary table; and the schools' sponsors. Two statements, joined here over 2,000 schools.
 */
export async function schoolRosters(ds: DataSource, schoolIds: readonly string[] | null): Promise<Map<string, SchoolRoster>> {
  const only = (column: string) => (schoolIds ? ` AND ${column} IN (${sqlMarks(schoolIds.length)})` : '');
  const [counts, schools] = await Promise.all([
    queryRows<{ schoolId: string; n: unknown; party: unknown; quota: unknown }>(
      ds,
      `SELECT t.school_id AS schoolId, COUNT(*) AS n, SUM(${PARTY_SQL}) AS party, SUM(CASE WHEN t.in_quota = 1 THEN 1 ELSE 0 END) AS quota
       FROM teacher t ${indexHint(ds, 'ix_teacher_roster')} WHERE ${SERVING_SQL}${only('t.school_id')} GROUP BY t.school_id`,
      schoolIds ?? [],
    ),
    queryRows<{ id: string; sponsor: string }>(ds, `SELECT s.id AS id, s.sponsor AS sponsor FROM school s WHERE 1 = 1${only('s.id')}`, schoolIds ?? []),
  ]);
  const of = new Map(counts.map((c) => [c.schoolId, c]));
  return new Map(
    schools.map((s) => {
      const c = of.get(s.id);
      return [s.id, { schoolId: s.id, isPublic: s.sponsor === 'PUBLIC', teachers: sqlNumber(c?.n), partyMembers: sqlNumber(c?.party), inQuota: sqlNumber(c?.quota) }];
    }),
  );
}

/** The district's roster figures: the schools' figures added up. */
export async function districtRoster(ds: DataSource): Promise<DistrictRoster> {
  const schools = [...(await schoolRosters(ds, null)).values()];
  const sum = (f: (s: SchoolRoster) => number) => schools.reduce((n, s) => n + f(s), 0);
  return {
    schools: schools.length,
    publicSchools: sum((s) => (s.isPublic ? 1 : 0)),
    teachers: sum((s) => s.teachers),
    publicTeachers: sum((s) => (s.isPublic ? s.teachers : 0)),
    partyMembers: sum((s) => s.partyMembers),
    inQuota: sum((s) => s.inQuota),
  };
}

/** Of a group of teachers (by id), those serving now at one school. */
export interface RosterCount {
  readonly key: string;
  readonly schoolId: string;
  readonly isPublic: boolean;
  readonly teachers: number;
  readonly partyMembers: number;
}

/**
 * A JSON array of [teacher id, group number] as a table `(id, g)`, so that any number of ids is one
 * statement: JSON_TABLE on MySQL/MariaDB (the id column in the tables' binary collation), json_each on SQLite.
 */
function idTable(ds: DataSource): string {
  return databaseKind(ds) === 'mysql'
    ? "JSON_TABLE(?, '$[*]' COLUMNS (id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[0]', g INT PATH '$[1]'))"
    : "(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS g FROM json_each(?))";
}

/**
 * Of each group of teachers (by id), those serving now, counted per school (with whether it is
 * public) with the party members among them: one aggregate statement for every group. Another
 * service passes the teachers its figures are about (those holding a designation: a tenth of the
 * roster, grouped by the years they hold it), never the roster.
 */
export async function rosterCountsAmong(ds: DataSource, groups: ReadonlyArray<{ key: string; teacherIds: readonly string[] }>): Promise<RosterCount[]> {
  const pairs = groups.flatMap((g, i) => [...new Set(g.teacherIds)].map((id) => [id, i]));
  if (!pairs.length) return [];
  const found = await queryRows<{ g: unknown; schoolId: string; sponsor: string; n: unknown; party: unknown }>(
    ds,
    `SELECT x.g AS g, t.school_id AS schoolId, s.sponsor AS sponsor, COUNT(*) AS n, SUM(${PARTY_SQL}) AS party
     FROM ${idTable(ds)} x JOIN teacher t ON t.id = x.id JOIN school s ON s.id = t.school_id
     WHERE ${SERVING_SQL} GROUP BY x.g, t.school_id, s.sponsor`,
    [JSON.stringify(pairs)],
  );
  return found
    .map((r) => ({ key: groups[sqlNumber(r.g)].key, schoolId: r.schoolId, isPublic: r.sponsor === 'PUBLIC', teachers: sqlNumber(r.n), partyMembers: sqlNumber(r.party) }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.schoolId.localeCompare(b.schoolId));
}
