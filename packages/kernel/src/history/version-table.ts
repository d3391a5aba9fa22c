import { EntityTarget, ObjectLiteral, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { DateUtils } from 'typeorm/util/DateUtils';
import { newId } from '../ids';

/** The table that keeps the versions of an entity table's rows. */
export const versionTableName = (table: string): string => `${table}_version`;

/** The columns every version table has besides the entity's own (the entity's `id` is `record_id`). */
export const VERSION_META_COLUMNS = [
  'version_id',
  'record_id',
  'valid_from',
  'valid_to',
  'recorded_at',
  'superseded_at',
  'op',
  'actor_subject',
  'actor_role',
  'acting_service',
  'request_id',
  'import_job_id',
  'reason',
] as const;

/** The entity's columns a version copies: every stored column but the primary key. */
export function versionedColumns(meta: EntityMetadata): ColumnMetadata[] {
  const own = meta.columns.filter((c) => !c.isVirtual && !c.isPrimary);
  const clash = own.find((c) => (VERSION_META_COLUMNS as readonly string[]).includes(c.databaseName));
  if (clash) throw new Error(`History: ${meta.tableName}.${clash.databaseName} has the name of a version column`);
  if (meta.primaryColumns.length !== 1 || meta.primaryColumns[0].databaseName !== 'id') throw new Error(`History: ${meta.tableName} must have one primary key column named id`);
  return own;
}

/**
 * Creates `<table>_version` for an entity: the entity's own columns, typed as the entity types them
 * (so as-of SQL can filter and join them), all nullable, plus the version's valid time (`valid_from`
 * inclusive, `valid_to` exclusive, null = still true), `recorded_at`, `superseded_at` (set when a
 * correction replaced the version), `op` and who wrote it. One line in a service's migration:
 * @example await createVersionTable(q, Teacher);
 */
export async function createVersionTable(q: QueryRunner, target: EntityTarget<ObjectLiteral>): Promise<void> {
  const meta = q.connection.getMetadata(target);
  const driver = q.connection.driver;
  const name = versionTableName(meta.tableName);
  const v = (column: string, length: number, nullable = true): TableColumnOptions => ({ name: column, type: 'varchar', length: String(length), isNullable: nullable });
  const own = versionedColumns(meta).map(
    (c): TableColumnOptions => ({
      name: c.databaseName,
      type: driver.normalizeType(c),
      ...(c.length ? { length: c.length } : {}),
      ...(c.precision !== undefined && c.precision !== null ? { precision: c.precision } : {}),
      ...(c.scale !== undefined && c.scale !== null ? { scale: c.scale } : {}),
      isNullable: true,
    }),
  );
  await q.createTable(
    new Table({
      name,
      columns: [
        { ...v('version_id', 36, false), isPrimary: true },
        v('record_id', 36, false),
        { name: 'valid_from', type: 'date', isNullable: false },
        { name: 'valid_to', type: 'date', isNullable: true },
        { name: 'recorded_at', type: 'datetime', isNullable: false },
        { name: 'superseded_at', type: 'datetime', isNullable: true },
        v('op', 10, false),
        v('actor_subject', 100),
        v('actor_role', 20),
        v('acting_service', 100),
        v('request_id', 100),
        v('import_job_id', 36),
        v('reason', 300),
        ...own,
      ],
      indices: [
        { name: `ix_${meta.tableName}_v_record`, columnNames: ['record_id', 'valid_from'] },
        { name: `ix_${meta.tableName}_v_valid`, columnNames: ['valid_from', 'valid_to'] },
        { name: `ix_${meta.tableName}_v_job`, columnNames: ['import_job_id'] },
      ],
    }),
  );
}

/**
 * Gives every existing row of an entity its first version (op `create`, recorded by the migration),
 * valid from the row's own date column when it has one, else from `fallbackDay`: the history starts
 * with the data as it is when the service first keeps history.
 * A `month` column (YYYY-MM) counts from the month's first day.
 * @example await seedVersions(q, Hire, todayInChina(), { column: 'in_quota_date' });
 */
export async function seedVersions(q: QueryRunner, target: EntityTarget<ObjectLiteral>, fallbackDay: string, validFrom?: { readonly column: string; readonly month?: boolean }): Promise<void> {
  const meta = q.connection.getMetadata(target);
  const own = versionedColumns(meta);
  const esc = (n: string) => q.connection.driver.escape(n);
  const table = esc(meta.tableName);
  const ids: Array<{ id: string }> = await q.query(`SELECT id FROM ${table}`);
  if (!ids.length) return;
  const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
  const own_ = validFrom ? `t.${esc(validFrom.column)}` : '';
  const dayOf = !validFrom ? '' : !validFrom.month ? own_ : mysql ? `CONCAT(${own_}, '-01')` : `(${own_} || '-01')`;
  const from = validFrom ? `COALESCE(${dayOf}, ?)` : '?';
  // the version ids are made here (UUIDv7, so that later versions sort after), a chunk of rows a statement
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const pairs = chunk.flatMap((r) => [r.id, newId()]);
    await q.query(
      `INSERT INTO ${esc(versionTableName(meta.tableName))} (version_id, record_id, valid_from, recorded_at, op, actor_subject, actor_role, reason, ${own.map((c) => esc(c.databaseName)).join(', ')})
       SELECT CASE t.id ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END, t.id, ${from}, ?, 'create', 'migration', 'SYSTEM', 'history begins', ${own.map((c) => `t.${esc(c.databaseName)}`).join(', ')}
       FROM ${table} t WHERE t.id IN (${chunk.map(() => '?').join(', ')})`,
      [...pairs, fallbackDay, mysql ? new Date() : DateUtils.mixedDateToUtcDatetimeString(new Date()), ...chunk.map((r) => r.id)],
    );
  }
}

/**
 * Moves the first versions seedVersions gave the rows of a table whose records carry their own year
 * (a pay record of 2024, a studio founded in 2023) back to that year's first day, as fromItsYear dates
 * the records written since: a year's figures read its records as of the year's statistics day, and
 * rows that were there before the history began must count in their year.
 * @example await seedVersionsFromTheirYear(q, PayRecord, 'year');
 */
export async function seedVersionsFromTheirYear(q: QueryRunner, target: EntityTarget<ObjectLiteral>, yearColumn: string): Promise<void> {
  const meta = q.connection.getMetadata(target);
  const esc = (n: string) => q.connection.driver.escape(n);
  const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
  const year = esc(yearColumn);
  const firstDay = mysql ? `CONCAT(LPAD(${year}, 4, '0'), '-01-01')` : `(substr('000' || ${year}, -4) || '-01-01')`;
  await q.query(
    `UPDATE ${esc(versionTableName(meta.tableName))} SET valid_from = ${firstDay}
     WHERE actor_subject = 'migration' AND reason = 'history begins' AND op = 'create' AND ${year} IS NOT NULL AND ${firstDay} < valid_from`,
  );
}

/**
 * An index of `<table>_version` for a figure read as of a day (versionsOn): the figure's columns
 * first (its WHERE and GROUP BY, as the entity table's report index has them), then the version's
 * valid time, superseded_at and op, so the as-of read is an index-only scan in group order, as the
 * read of the entity table was.
 * @example await indexVersionTable(q, PayRecord, 'ix_pay_record_v_parity', ['year', 'teacher_serving', 'school_id', 'school_public', 'annual_income']);
 */
export async function indexVersionTable(q: QueryRunner, target: EntityTarget<ObjectLiteral>, name: string, columns: readonly string[]): Promise<void> {
  const table = versionTableName(q.connection.getMetadata(target).tableName);
  await q.createIndex(table, new TableIndex({ name, columnNames: [...columns, 'valid_from', 'valid_to', 'superseded_at', 'op'] }));
}
