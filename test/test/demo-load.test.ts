/**
 * The demo district loads the same whether its 67 files are imported one after another or several at
 * once (npm start loads 4 at once, the importer running as many jobs): every table of every service
 * holds the same rows, ids and clock times aside, on SQLite and on MariaDB. A file checked against
 * another's rows (a studio's host's designation, a lesson's studio, a veto before designations) must
 * wait for it, and the rows the services' demo modules generate must not depend on the order the
 * teachers were created in; either mistake makes the two loads differ here.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { DEMO_SEED, DemoLoadResult, generateDistrict, loadDemoDistrict } from '@tw/demo';
import { SERVICES } from '@tw/kernel';
import { IsolatedPlatform, launchIsolatedPlatform } from '@tw/kernel/launcher';
import { createTestDatabase, TEST_DATE, TestDatabase, TestDatabaseKind, testDatabaseKinds } from '@tw/kernel/testing';

/** The services whose tables hold the district (the importer's hold its jobs, different every run by nature). */
const DATA_SERVICES = SERVICES.map((s) => s.name).filter((n) => n !== 'importer');
/** Tables of when and by whom rather than what: the audit log, prepared bulk calls, migrations. */
const SKIPPED_TABLE = /^(migrations|typeorm_metadata|sqlite_sequence|audit_log|prepared_bulk.*|frozen_report)$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** a clock time written into a value (a JSON copy of a record's updatedAt, say): a day alone is a business date and stays */
const CLOCK_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g;

type Row = Record<string, unknown>;
interface Loaded {
  readonly result: Omit<DemoLoadResult, 'ms'>;
  /** by service and table: how many rows, and a hash of them all */
  readonly tables: Record<string, Record<string, { rows: number; sha: string }>>;
}

/** Every table of a service, its rows as the database gives them. */
async function readTables(p: IsolatedPlatform, db: TestDatabase | undefined, service: string): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  if (!db) {
    const sqlite = new Database(p.sqliteFile(service), { readonly: true });
    try {
      const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
      for (const name of names) if (!SKIPPED_TABLE.test(name)) out.set(name, sqlite.prepare(`SELECT * FROM "${name}"`).all() as Row[]);
    } finally {
      sqlite.close();
    }
    return out;
  }
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({ uri: db.url!, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  try {
    const [tables] = await conn.query('SHOW TABLES');
    for (const t of tables as Row[]) {
      const name = String(Object.values(t)[0]);
      if (SKIPPED_TABLE.test(name)) continue;
      const [rows] = await conn.query(`SELECT * FROM \`${name}\``);
      out.set(name, rows as Row[]);
    }
  } finally {
    await conn.end();
  }
  return out;
}

/**
 * A row as it reads whoever loaded it: a teacher's id as their ID number, a school's as its code,
 * any other id (made anew by every load) and any clock time left out, also where a value carries
 * them inside it (a JSON copy of a record, a serialised input).
 */
function normalised(row: Row, natural: ReadonlyMap<string, string>): string {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (/(^|_)at$/.test(column)) continue;
    let v: unknown = value;
    if (Buffer.isBuffer(v)) v = v.toString('latin1');
    if (typeof v === 'number' || typeof v === 'bigint') v = String(v);
    if (typeof v === 'string') v = v.replace(UUID, (id) => natural.get(id.toLowerCase()) ?? '<id>').replace(CLOCK_TIME, '<time>');
    out[column] = v;
  }
  return JSON.stringify(out);
}

async function loadAndRead(kind: TestDatabaseKind, concurrency: number): Promise<Loaded> {
  const dbs = new Map<string, TestDatabase>();
  let p: IsolatedPlatform | undefined;
  try {
    if (kind === 'mysql') for (const s of SERVICES) dbs.set(s.name, await createTestDatabase('mysql', `demo${concurrency}_${s.name}`));
    p = await launchIsolatedPlatform({
      production: true,
      databaseUrls: Object.fromEntries([...dbs].map(([name, db]) => [name, db.url!])),
      env: { IMPORTER_CONCURRENCY: String(concurrency) },
    });
    const platform = p;
    const { ms: _ms, ...result } = await loadDemoDistrict(
      { gatewayUrl: platform.gatewayUrl, token: (as) => platform.token(as.role === 'DISTRICT_ADMIN' ? { subject: 'district', role: 'DISTRICT_ADMIN' } : { subject: 'school', role: 'SCHOOL_ADMIN', schoolId: as.schoolId }) },
      TEST_DATE,
      { concurrency },
    );
    const personnel = await readTables(platform, dbs.get('personnel'), 'personnel');
    const natural = new Map<string, string>();
    for (const t of personnel.get('teacher') ?? []) natural.set(String(t.id).toLowerCase(), `teacher:${t.id_number}`);
    for (const s of personnel.get('school') ?? []) natural.set(String(s.id).toLowerCase(), `school:${s.code}`);
    const tables: Loaded['tables'] = {};
    for (const service of DATA_SERVICES) {
      tables[service] = {};
      const read = service === 'personnel' ? personnel : await readTables(platform, dbs.get(service), service);
      for (const [name, rows] of [...read].sort(([a], [b]) => a.localeCompare(b))) {
        let lines = rows.map((r) => normalised(r, natural)).sort();
        // a version table may hold one state of a record more than once, identical but for ids and
        // times: a training programme is recorded again by later batches of the trainings file, how
        // often depending on how its batches' planning and writing interleave (two are in flight),
        // even when files are imported one at a time; each state must be there, however often
        if (name.endsWith('_version')) lines = [...new Set(lines)];
        const sha = createHash('sha256');
        for (const line of lines) sha.update(line).update('\n');
        tables[service][name] = { rows: lines.length, sha: sha.digest('hex').slice(0, 16) };
      }
    }
    return { result, tables };
  } finally {
    await p?.stop();
    for (const db of dbs.values()) await db.drop();
  }
}

describe.each(testDatabaseKinds())('the demo district, loaded one file at a time and 4 at once, on %s', (kind) => {
  it('holds the same rows in every table of every service', async () => {
    const one = await loadAndRead(kind, 1);
    const four = await loadAndRead(kind, 4);
    // the district generated is the district loaded, whole
    const d = generateDistrict(DEMO_SEED, TEST_DATE);
    expect(one.result).toMatchObject({ schools: d.schools.length, teachers: d.teachers.length });
    expect(one.tables.personnel.teacher.rows).toBe(d.teachers.length);
    for (const service of DATA_SERVICES) expect(Object.values(one.tables[service]).some((t) => t.rows > 0)).toBe(true);
    expect(four.result).toEqual(one.result);
    expect(four.tables).toEqual(one.tables);
  }, 1_800_000);
});
