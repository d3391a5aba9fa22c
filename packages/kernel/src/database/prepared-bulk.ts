import v8 from 'node:v8';
import { DataSource, EntityManager, MigrationInterface, QueryRunner, Table } from 'typeorm';
import { Principal } from '../auth/principal';
import { systemClock } from '../clock';
import { AppError, ErrorCode } from '../errors';
import { newId } from '../ids';

/** The table of kept rows (no entity: plain SQL reads and writes it). */
export const PREPARED_BULK_TABLE = 'prepared_bulk';

/** How long rows kept by a `prepare` call wait for their `commit`. */
export const PREPARED_TTL_MS = 60 * 60_000;

/** One kept row and its position in the call that kept it. */
export interface PreparedRow<R> {
  readonly index: number;
  readonly row: R;
}

/** Who kept rows: the user, their role and school, and the service acting for them. */
const actorOf = (p: Principal | undefined) => (p ? [p.subject, p.role, p.schoolId ?? '', p.actingService ?? ''].join('\u0000') : '');

/**
 * Keeps the rows a bulk `prepare` call would write, in the service's own database (in the call's
 * transaction), until the same principal commits them through the same plan, or they expire.
 * Answers the id to commit them by.
 */
export async function keepPrepared<R>(m: EntityManager, plan: string, actor: Principal | undefined, rows: readonly PreparedRow<R>[]): Promise<string> {
  const id = newId();
  const payload = v8.serialize({ indexes: rows.map((r) => r.index), rows: rows.map((r) => r.row) });
  await m.query('INSERT INTO prepared_bulk (id, plan, actor, expires_at_ms, row_count, payload) VALUES (?, ?, ?, ?, ?, ?)', [
    id,
    plan,
    actorOf(actor),
    systemClock.now().getTime() + PREPARED_TTL_MS,
    rows.length,
    payload,
  ]);
  return id;
}

/**
 * Deletes expired kept rows, in a statement of its own after the prepare call's transaction: inside
 * it, the range delete's gap locks (MySQL, repeatable read) would be held while the transaction goes
 * on to insert, where concurrent prepare calls insert too.
 */
export async function sweepPrepared(ds: DataSource): Promise<void> {
  await ds.query('DELETE FROM prepared_bulk WHERE expires_at_ms < ?', [systemClock.now().getTime()]);
}

/** Kept rows, read (not taken) for a commit; rows kept for another plan or principal, or expired, are not found. */
export async function findPrepared<R>(m: EntityManager, id: string, plan: string, actor: Principal | undefined): Promise<PreparedRow<R>[]> {
  const found = (await m.query('SELECT payload FROM prepared_bulk WHERE id = ? AND plan = ? AND actor = ? AND expires_at_ms >= ?', [
    id,
    plan,
    actorOf(actor),
    systemClock.now().getTime(),
  ])) as Array<{ payload: Buffer | Uint8Array }>;
  if (!found.length) throw preparedNotFound(id);
  const { indexes, rows } = v8.deserialize(Buffer.from(found[0].payload)) as { indexes: number[]; rows: R[] };
  return rows.map((row, i) => ({ index: indexes[i], row }));
}

/**
 * Removes kept rows in the transaction that commits them, so they are gone only if the commit is,
 * and a second commit of the same rows (even a concurrent one: the delete waits for the first) finds
 * nothing.
 */
export async function dropPrepared(m: EntityManager, id: string): Promise<void> {
  if (!m.queryRunner) throw new Error('dropPrepared runs in a transaction');
  const r = await m.queryRunner.query('DELETE FROM prepared_bulk WHERE id = ?', [id], true);
  if (r.affected !== 1) throw preparedNotFound(id);
}

const preparedNotFound = (id: string) =>
  new AppError(
    ErrorCode.NOT_FOUND,
    `No prepared rows "${id}" to commit: they were committed already, expired (they are kept ${PREPARED_TTL_MS / 60_000} minutes), or were prepared by another user or through another mutation`,
    { reason: 'PREPARED_NOT_FOUND' },
  );

/** The table of prepared bulk rows every service with bulk mutations keeps. */
export class CreatePreparedBulk1764800000000 implements MigrationInterface {
  name = 'CreatePreparedBulk1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
    await q.createTable(
      new Table({
        name: 'prepared_bulk',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'plan', type: 'varchar', length: '60' },
          { name: 'actor', type: 'varchar', length: '400' },
          { name: 'expires_at_ms', type: 'bigint' },
          { name: 'row_count', type: 'int' },
          { name: 'payload', type: mysql ? 'longblob' : 'blob' },
        ],
        indices: [{ name: 'ix_prepared_bulk_expires', columnNames: ['expires_at_ms'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('prepared_bulk');
  }
}
