/**
 * The bare limit of an import: the rows an import wrote (the records, their versions and their audit
 * entries) written again into copies of the same MariaDB tables by plain multi-row upserts from one
 * process, a transaction per batch of the importer's size. No reading, checking, planning, GraphQL
 * or second process: only what the database itself must do to store those rows.
 */
import type { Connection, FieldPacket, QueryValues, RowDataPacket } from 'mysql2/promise';

type Row = Record<string, unknown>;

/** A table's rows before the import, by primary key, to tell the rows the import wrote. */
export interface TablesBefore {
  readonly keys: ReadonlyMap<string, readonly string[]>;
  readonly seen: ReadonlyMap<string, ReadonlySet<string>>;
}

/** mysql2 connection options that read rows back exactly as they are written (no time zone, no parsing). */
export const RAW_ROWS = {
  dateStrings: true,
  supportBigNumbers: true,
  bigNumberStrings: true,
  // JSON stays the text it was stored as
  typeCast: (field: { type: string; string(): string | null }, next: () => unknown) => (field.type === 'JSON' ? field.string() : next()),
} as const;

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

async function query<T = RowDataPacket[]>(conn: Connection, sql: string, values?: QueryValues): Promise<T> {
  const [rows] = (await conn.query(sql, values)) as [T, FieldPacket[]];
  return rows;
}

/** Every base table of the database and its primary-key columns, and the keys its rows hold now. */
export async function tablesBefore(conn: Connection, database: string): Promise<TablesBefore> {
  const cols = await query(conn, "SELECT TABLE_NAME t, COLUMN_NAME c FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION", [database]);
  const keys = new Map<string, string[]>();
  for (const r of cols) keys.set(r.t as string, [...(keys.get(r.t as string) ?? []), r.c as string]);
  const seen = new Map<string, Set<string>>();
  for (const [table, key] of keys) {
    const rows = await query(conn, `SELECT ${key.map(quote).join(', ')} FROM ${quote(database)}.${quote(table)}`);
    seen.set(table, new Set(rows.map((r) => JSON.stringify(key.map((k) => r[k])))));
  }
  return { keys, seen };
}

/** The rows the import wrote, by table: those whose key was not there before (prepared bulk calls aside, which a commit deletes). */
export async function rowsWritten(conn: Connection, database: string, before: TablesBefore): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const [table, key] of before.keys) {
    if (/^(migrations|prepared_bulk)/.test(table)) continue;
    const rows = (await query(conn, `SELECT * FROM ${quote(database)}.${quote(table)}`)) as Row[];
    const seen = before.seen.get(table)!;
    const added = rows.filter((r) => !seen.has(JSON.stringify(key.map((k) => r[k]))));
    if (added.length) out.set(table, added);
  }
  return out;
}

export interface BareWrite {
  /** the first table's rows (the records), as the import's rows/s count them */
  readonly rows: number;
  /** every row written, versions and audit entries included */
  readonly allRows: number;
  readonly ms: number;
  readonly batches: number;
  readonly tables: ReadonlyArray<{ readonly table: string; readonly rows: number }>;
}

/**
 * Creates `target` with a copy of each table of `source` that `written` names (CREATE TABLE … LIKE:
 * the same columns, keys and indexes, empty), then writes `written` into it: `batches` transactions,
 * each with the next share of every table's rows as multi-row INSERT … ON DUPLICATE KEY UPDATE
 * statements, the record table (`main`) first. Times only the writing.
 */
export async function bareWrite(conn: Connection, source: string, target: string, written: ReadonlyMap<string, Row[]>, main: string, batchRows: number): Promise<BareWrite> {
  const records = written.get(main);
  if (!records?.length) throw new Error(`the import wrote no rows into ${main}: nothing to compare with`);
  await query(conn, `CREATE DATABASE ${quote(target)} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const tables = [main, ...[...written.keys()].filter((t) => t !== main)];
  for (const t of tables) await query(conn, `CREATE TABLE ${quote(target)}.${quote(t)} LIKE ${quote(source)}.${quote(t)}`);
  const batches = Math.ceil(records.length / batchRows);
  // each statement's text built before the clock starts: the client's own work is not the database's
  const statements: string[][] = Array.from({ length: batches }, () => []);
  for (const t of tables) {
    const rows = written.get(t)!;
    const columns = Object.keys(rows[0]);
    const head = `INSERT INTO ${quote(target)}.${quote(t)} (${columns.map(quote).join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ${columns.map((c) => `${quote(c)} = VALUES(${quote(c)})`).join(', ')}`;
    const per = Math.ceil(rows.length / batches);
    for (let b = 0; b < batches; b++) {
      const share = rows.slice(b * per, (b + 1) * per);
      if (share.length) statements[b].push(conn.format(head, [share.map((r) => columns.map((c) => r[c]))]));
    }
  }
  const t0 = process.hrtime.bigint();
  for (const batch of statements) {
    await query(conn, 'START TRANSACTION');
    try {
      for (const sql of batch) await query(conn, sql);
      await query(conn, 'COMMIT');
    } catch (e) {
      await query(conn, 'ROLLBACK');
      throw e;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stored = await query(conn, `SELECT COUNT(*) n FROM ${quote(target)}.${quote(main)}`);
  if (Number(stored[0].n) !== records.length) throw new Error(`the bare write stored ${stored[0].n} rows in ${main}, not ${records.length}`);
  return {
    rows: records.length,
    allRows: tables.reduce((s, t) => s + written.get(t)!.length, 0),
    ms,
    batches,
    tables: tables.map((t) => ({ table: t, rows: written.get(t)!.length })),
  };
}
