import type { Connection } from 'mysql2/promise';
import type { TableRows } from './province';

/** Rows per INSERT statement: about 1 MB of SQL for the widest table, well inside max_allowed_packet (16 MB). */
const ROWS_PER_INSERT = 4000;
/** Rows per transaction: one log flush per 40,000 rows rather than per statement. */
const ROWS_PER_COMMIT = 40_000;

interface IndexDefinition {
  readonly name: string;
  readonly unique: boolean;
  readonly columns: string[];
}

/** A table's secondary indexes as the migrations made them, from information_schema. */
async function secondaryIndexes(conn: Connection, table: string): Promise<IndexDefinition[]> {
  const [rows] = await conn.query(
    "SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME, SEQ_IN_INDEX",
    [table],
  );
  const byName = new Map<string, IndexDefinition>();
  for (const r of rows as Array<{ name: string; nonUnique: number | string; col: string }>) {
    const ix = byName.get(r.name) ?? { name: r.name, unique: Number(r.nonUnique) === 0, columns: [] };
    ix.columns.push(r.col);
    byName.set(r.name, ix);
  }
  return [...byName.values()];
}

/**
 * Drops the table's secondary indexes before a load (those a foreign key needs stay), so rows go in
 * at the speed of the clustered index alone; returns what it dropped, to build again after.
 */
async function dropIndexes(conn: Connection, table: string): Promise<IndexDefinition[]> {
  const dropped: IndexDefinition[] = [];
  for (const ix of await secondaryIndexes(conn, table)) {
    try {
      await conn.query(`ALTER TABLE \`${table}\` DROP INDEX \`${ix.name}\``);
      dropped.push(ix);
    } catch {
      // needed by a foreign key: it stays and is kept up while loading
    }
  }
  return dropped;
}

/** Builds the dropped indexes again, exactly as they were, in one ALTER (a sort per index, not a row at a time). */
async function rebuildIndexes(conn: Connection, table: string, indexes: readonly IndexDefinition[]): Promise<void> {
  if (!indexes.length) return;
  const adds = indexes.map((ix) => `ADD ${ix.unique ? 'UNIQUE ' : ''}INDEX \`${ix.name}\` (${ix.columns.map((c) => `\`${c}\``).join(', ')})`);
  await conn.query(`ALTER TABLE \`${table}\` ${adds.join(', ')}`);
}

/**
 * Loads tables with multi-row INSERTs on one connection: each table's secondary indexes dropped first
 * and built again after (a unique index rebuilt checks the rows are unique after all), foreign-key
 * checks off for the session (the generator makes the rows consistent), committing every
 * ROWS_PER_COMMIT rows, and the optimizer's statistics refreshed at the end. The schema left is the
 * one the migrations made. Returns the rows written per table.
 */
export async function loadTables(conn: Connection, tables: readonly TableRows[]): Promise<Map<string, number>> {
  await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  const counts = new Map<string, number>();
  for (const t of tables) {
    const dropped = await dropIndexes(conn, t.table);
    const sql = `INSERT INTO \`${t.table}\` (${t.columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
    let batch: unknown[][] = [];
    let n = 0;
    let inTransaction = 0;
    await conn.beginTransaction();
    const flush = async () => {
      if (!batch.length) return;
      await conn.query(sql, [batch]);
      inTransaction += batch.length;
      batch = [];
      if (inTransaction >= ROWS_PER_COMMIT) {
        await conn.commit();
        await conn.beginTransaction();
        inTransaction = 0;
      }
    };
    for (const row of t.rows()) {
      batch.push(row);
      n++;
      if (batch.length >= ROWS_PER_INSERT) await flush();
    }
    await flush();
    await conn.commit();
    await rebuildIndexes(conn, t.table, dropped);
    counts.set(t.table, n);
  }
  for (const t of tables) await conn.query(`ANALYZE TABLE \`${t.table}\``);
  return counts;
}

/**
 * Gives every row of `table` its one version in `<table>_version` (the other tables' records are
 * written once in the province): valid from `validFrom` (SQL over the row `t`, e.g. its year's first
 * day), as the platform's writes would have made it. One INSERT … SELECT; returns the versions written.
 */
export async function seedVersionsOf(conn: Connection, table: string, validFrom: string): Promise<number> {
  const meta = ['version_id', 'record_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'op', 'actor_subject', 'actor_role', 'acting_service', 'request_id', 'import_job_id', 'reason'];
  const [cols] = await conn.query('SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [`${table}_version`]);
  const own = (cols as Array<{ c: string }>).map((r) => r.c).filter((c) => !meta.includes(c));
  const [res] = await conn.query(
    `INSERT INTO \`${table}_version\` (version_id, record_id, valid_from, recorded_at, op, actor_subject, actor_role, ${own.map((c) => `\`${c}\``).join(', ')})
     SELECT UUID(), t.id, ${validFrom}, t.created_at, 'create', 'bench', 'DISTRICT_ADMIN', ${own.map((c) => `t.\`${c}\``).join(', ')} FROM \`${table}\` t`,
  );
  await conn.query(`ANALYZE TABLE \`${table}_version\``);
  return (res as { affectedRows: number }).affectedRows;
}
