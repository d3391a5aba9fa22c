import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { Principal } from '../auth/principal';
import { newId } from '../ids';
import { currentRequestScope } from '../request-scope';
import { versionedColumns, versionTableName } from './version-table';

export type VersionOp = 'create' | 'update' | 'delete';

/** One write of one record, as its history keeps it. */
export interface VersionedChange {
  readonly target: EntityTarget<ObjectLiteral>;
  readonly id: string;
  /** the stored row before the write; null when the write created the record */
  readonly before: object | null;
  /** the record after the write (entity-shaped; fields left undefined keep `before`'s); null when the write deleted it */
  readonly after: object | null;
  /** the day the change took effect in the world, YYYY-MM-DD */
  readonly validFrom: string;
}

/** Who wrote, and why. */
export interface VersionAuthor {
  readonly principal: Principal;
  readonly reason?: string | null;
  readonly at?: Date;
}

interface LiveVersion {
  readonly versionId: string;
  readonly recordId: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

const isSqlite = (m: EntityManager) => ['better-sqlite3', 'sqlite'].includes(m.connection.driver.options.type);
const day = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The import job the request writes for: only the importer (acting for its user) names one. */
function importJobOf(p: Principal): string | null {
  const job = currentRequestScope()?.importJobId;
  return job && p.actingService === 'service:importer' ? job : null;
}

/**
 * Keeps the versions of written records, in the caller's transaction (one SELECT of the records'
 * current versions, one UPDATE per distinct valid-from day for the versions a write closes, one
 * UPDATE for the versions a correction supersedes, one INSERT a thousand versions). A change valid
 * from day D:
 * - after the latest version: closes it at D (valid_to = D), the new version runs from D on;
 * - on the day a version starts: a correction of that version, which is superseded (kept, with
 *   superseded_at), the new version takes its place;
 * - inside an earlier version (a past fact recorded late): that version is superseded by a copy
 *   ending at D, and the new one runs from D to where the next version starts (later versions stay).
 * A delete is a version with op `delete` carrying the last state: as-of reads leave it out. A
 * record written with a day before its latest version is set back to that latest version (the
 * table holds what is true now; the late fact lives in the versions).
 */
export async function recordVersions(m: EntityManager, author: VersionAuthor, changes: readonly VersionedChange[]): Promise<void> {
  const byTable = new Map<string, VersionedChange[]>();
  for (const c of changes) {
    const name = m.connection.getMetadata(c.target).tableName;
    const list = byTable.get(name) ?? byTable.set(name, []).get(name)!;
    list.push(c);
  }
  for (const list of byTable.values()) await recordTableVersions(m, author, list);
}

async function recordTableVersions(m: EntityManager, author: VersionAuthor, changes: readonly VersionedChange[]): Promise<void> {
  const meta = m.connection.getMetadata(changes[0].target);
  const driver = m.connection.driver;
  const esc = (n: string) => driver.escape(n);
  const table = esc(versionTableName(meta.tableName));
  const own = versionedColumns(meta);
  const at = author.at ?? new Date();
  const when = isSqlite(m) ? DateUtils.mixedDateToUtcDatetimeString(at) : at;

  // the current versions of the records that existed before (a created record has none)
  const known = [...new Set(changes.filter((c) => c.before !== null).map((c) => c.id))];
  const live = new Map<string, LiveVersion[]>();
  for (let i = 0; i < known.length; i += 1000) {
    const ids = known.slice(i, i + 1000);
    const rows: Array<{ versionId: string; recordId: string; validFrom: unknown; validTo: unknown }> = await m.query(
      `SELECT version_id AS versionId, record_id AS recordId, valid_from AS validFrom, valid_to AS validTo FROM ${table}
       WHERE record_id IN (${marks(ids.length)}) AND superseded_at IS NULL ORDER BY record_id, valid_from`,
      ids,
    );
    for (const r of rows) {
      const v: LiveVersion = { versionId: r.versionId, recordId: r.recordId, validFrom: day(r.validFrom)!, validTo: day(r.validTo) };
      (live.get(v.recordId) ?? live.set(v.recordId, []).get(v.recordId)!).push(v);
    }
  }

  const close = new Map<string, string[]>(); // valid_to day -> version ids closed in place
  const late = new Set<string>(); // records written with a day before their latest version
  const supersede: string[] = [];
  const copies: Array<{ versionId: string; validTo: string }> = []; // superseded versions kept in part, ending at a day
  const inserts: unknown[][] = [];
  const scope = currentRequestScope();
  const p = author.principal;
  const metaValues = (validFrom: string, validTo: string | null, op: VersionOp) => [
    newId(), undefined, validFrom, validTo, when, null, op, p.subject, p.role, p.actingService ?? null, scope?.requestId ?? null, importJobOf(p), author.reason?.slice(0, 300) ?? null,
  ];
  // several writes of one record in one call: each sees the versions the previous one left
  for (const c of changes) {
    const versions = live.get(c.id) ?? [];
    const d = c.validFrom;
    const covering = versions.find((v) => v.validFrom <= d && (v.validTo === null || v.validTo > d));
    const next = versions.find((v) => v.validFrom > d);
    let validTo: string | null = next ? next.validFrom : null;
    if (covering && covering.validFrom === d) {
      supersede.push(covering.versionId);
      validTo = covering.validTo;
    } else if (covering && covering.validTo === null) {
      (close.get(d) ?? close.set(d, []).get(d)!).push(covering.versionId);
    } else if (covering) {
      supersede.push(covering.versionId);
      copies.push({ versionId: covering.versionId, validTo: d });
      validTo = covering.validTo;
    }
    const state = c.after === null ? c.before : { ...(c.before ?? {}), ...definedOf(c.after) };
    const op: VersionOp = c.after === null ? 'delete' : c.before === null ? 'create' : 'update';
    const values = metaValues(d, validTo, op);
    values[1] = c.id;
    for (const col of own) {
      const v = state ? col.getEntityValue(state as ObjectLiteral) : undefined;
      values.push(v === undefined || v === null ? null : driver.preparePersistentValue(v, col));
    }
    inserts.push(values);
    if (validTo !== null) late.add(c.id);
    // what the following writes of this record in the call see
    const kept = versions.filter((v) => v !== covering);
    if (covering && covering.validFrom < d) kept.push({ ...covering, validTo: d });
    kept.push({ versionId: values[0] as string, recordId: c.id, validFrom: d, validTo });
    kept.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    live.set(c.id, kept);
  }

  const columns = ['version_id', 'record_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'op', 'actor_subject', 'actor_role', 'acting_service', 'request_id', 'import_job_id', 'reason', ...own.map((c) => c.databaseName)];
  // a version closed by a later write in the same call is closed again: the last close wins
  for (const [validTo, ids] of close) {
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      await m.query(`UPDATE ${table} SET valid_to = ? WHERE version_id IN (${marks(chunk.length)})`, [validTo, ...chunk]);
    }
  }
  const perStatement = Math.max(1, Math.min(1000, Math.floor(30_000 / columns.length)));
  const tuple = `(${marks(columns.length)})`;
  for (let i = 0; i < inserts.length; i += perStatement) {
    const chunk = inserts.slice(i, i + perStatement);
    await m.query(`INSERT INTO ${table} (${columns.map(esc).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
  if (copies.length) {
    // the part of a superseded version that stays true, as a new version
    for (const { versionId, validTo } of copies) {
      const copyCols = columns.filter((c) => !['version_id', 'valid_to', 'recorded_at', 'superseded_at'].includes(c)).map(esc);
      await m.query(
        `INSERT INTO ${table} (version_id, valid_to, recorded_at, ${copyCols.join(', ')}) SELECT ?, ?, ?, ${copyCols.join(', ')} FROM ${table} WHERE version_id = ?`,
        [newId(), validTo, when, versionId],
      );
    }
  }
  for (let i = 0; i < supersede.length; i += 1000) {
    const chunk = supersede.slice(i, i + 1000);
    await m.query(`UPDATE ${table} SET superseded_at = ? WHERE version_id IN (${marks(chunk.length)})`, [when, ...chunk]);
  }
  // a fact recorded late leaves the record as its latest version says: the row is set back to it
  const latest = [...late].map((id) => live.get(id)!.at(-1)!).filter((v) => v.validTo === null).map((v) => v.versionId);
  if (latest.length) {
    const entity = esc(meta.tableName);
    const cols = own.filter((c) => c.databaseName !== 'created_at').map((c) => esc(c.databaseName));
    if (isSqlite(m)) {
      await m.query(`UPDATE ${entity} SET ${cols.map((c) => `${c} = v.${c}`).join(', ')} FROM ${table} v WHERE v.record_id = ${entity}.id AND v.version_id IN (${marks(latest.length)})`, latest);
    } else {
      await m.query(`UPDATE ${entity} e JOIN ${table} v ON v.record_id = e.id SET ${cols.map((c) => `e.${c} = v.${c}`).join(', ')} WHERE v.version_id IN (${marks(latest.length)})`, latest);
    }
  }
}

function definedOf(o: object): object {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * The records as they were on a day, from their versions (the ones not created yet, or deleted by
 * then, are absent), as entities: one statement for any number of ids.
 * @example const [t] = await recordsAsOf(ds.manager, Teacher, [id], '2024-12-31');
 */
export async function recordsAsOf<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, ids: readonly string[], day: string): Promise<T[]> {
  if (!ids.length) return [];
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const rows: Array<Record<string, unknown>> = await m.query(
    `SELECT * FROM ${driver.escape(versionTableName(meta.tableName))} WHERE record_id IN (${marks(ids.length)})
     AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND superseded_at IS NULL AND op <> 'delete'`,
    [...ids, day, day],
  );
  return rows.map((raw) => {
    const entity = meta.create() as T;
    meta.primaryColumns[0].setEntityValue(entity, raw.record_id);
    for (const c of versionedColumns(meta)) c.setEntityValue(entity, driver.prepareHydratedValue(raw[c.databaseName], c));
    return entity;
  });
}
